package ssm.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.tensorflow.Signature;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import ssm.predict.SavedModelExport;
import ssm.settings.Settings;
import ssm.settings.Variant;
import ssm.wiring.ModelWiring;

/**
 * {@code ssm export}: a variant's weights as a TensorFlow SavedModel with the serving signature of
 * {@link SavedModelExport}, plus a README.txt describing it.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Write a TensorFlow SavedModel of a variant's weights (TensorFlow Serving, "
          + "Python, Java).",
      "Signature serving_default: image float32 [H, W, 3] in [0, 1] -> class_probabilities, "
          + "class_logits, boxes, scores, mask_probabilities; DIR/README.txt describes it."
    })
final class ExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin SettingsOptions settingsOptions;

  @Option(
      names = "--weights",
      required = true,
      paramLabel = "FILE",
      description =
          "Weights of the variant: safetensors (PyTorch names and layouts) or"
              + " the author's PyTorch .pth.")
  Path weights;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Folder of the SavedModel; must not exist or be empty.")
  Path out;

  @Override
  public Integer call() throws Exception {
    Settings settings = settingsOptions.settingsForWeights(weights, spec.commandLine().getErr());
    Variant variant = settingsOptions.variant();
    long start = System.nanoTime();
    Signature signature =
        SavedModelExport.export(ModelWiring.model(variant, settings), weights, out, variant.name());
    PrintWriter o = spec.commandLine().getOut();
    o.printf(
        "exported %s to %s in %.1f s%n", variant.name(), out, (System.nanoTime() - start) / 1e9);
    o.println(signature);
    o.flush();
    return 0;
  }
}
