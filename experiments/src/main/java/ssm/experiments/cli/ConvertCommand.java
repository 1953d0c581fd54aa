package ssm.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import ssm.experiments.CheckpointFit;
import ssm.io.Safetensors;
import ssm.io.Weights;
import ssm.io.WeightsFile;
import ssm.io.pth.CheckpointAnchors;
import ssm.io.pth.PthCheckpoint;
import ssm.io.pth.PthReader;
import ssm.io.pth.PthTensor;
import ssm.io.pth.PthWriter;
import ssm.model.ParameterShapes;
import ssm.settings.ModelSettings.AnchorSettings;
import ssm.settings.Settings;
import ssm.settings.Variant;
import ssm.wiring.ModelWiring;

/**
 * {@code ssm convert}: the author's PyTorch checkpoint to safetensors, or this project's weights
 * back to a checkpoint in the author's layout. Reading a .pth never runs any of it.
 */
@Command(
    name = "convert",
    mixinStandardHelpOptions = true,
    description = {
      "Convert weights: IN.pth -> OUT.safetensors (the author's PyTorch checkpoint,"
          + " zip or legacy format, read without running it; prints what it holds and which"
          + " variant it fits), or IN.safetensors -> OUT.pth (the author's layout, torch's zip"
          + " format, loadable with torch.load + load_state_dict).",
      "The anchors of a .pth must be the settings' model.anchors (of --variant, or of the"
          + " variant the tensors fit)."
    })
final class ConvertCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin SettingsOptions settingsOptions;

  @Parameters(index = "0", paramLabel = "IN", description = "A .pth or a .safetensors file.")
  Path in;

  @Parameters(
      index = "1",
      paramLabel = "OUT",
      description = "OUT.safetensors (from a .pth) or OUT.pth (from safetensors).")
  Path out;

  @Option(
      names = "--epoch",
      paramLabel = "E",
      description = "The epoch a written .pth records (default 0).")
  String epoch = "0";

  @Option(
      names = "--lrate",
      paramLabel = "LR",
      description = "The learning rate a written .pth records (default: training.learning-rate).")
  Double lrate;

  @Override
  public Integer call() throws Exception {
    if (!Files.isRegularFile(in)) {
      throw new IllegalArgumentException("IN " + in + ": no such file");
    }
    String name = out.getFileName().toString();
    boolean fromPth = PthReader.isPth(in);
    if (fromPth && !name.endsWith(".safetensors")) {
      throw new IllegalArgumentException(
          in + " is a PyTorch checkpoint: OUT must end in" + " .safetensors, not " + out);
    }
    if (!fromPth && !name.endsWith(".pth") && !name.endsWith(".pt")) {
      throw new IllegalArgumentException(
          in
              + " is not a PyTorch checkpoint: OUT must end in"
              + " .pth (to write one), not "
              + out);
    }
    PrintWriter o = spec.commandLine().getOut();
    if (fromPth) {
      toSafetensors(o);
    } else {
      toPth(o);
    }
    o.flush();
    return 0;
  }

  private void toSafetensors(PrintWriter o) throws Exception {
    PthCheckpoint c = PthReader.read(in);
    long counters =
        c.modelWeights().keySet().stream().filter(n -> n.endsWith("num_batches_tracked")).count();
    o.printf("%s: torch %s checkpoint%n", in, c.format());
    o.printf(
        "epoch %s, lrate %s%n",
        c.epoch().orElse("(none)"),
        c.lrate().isPresent() ? String.valueOf(c.lrate().getAsDouble()) : "(none)");
    o.printf(
        "model_weights: %d tensors (%d float32, %d int64 num_batches_tracked)%n",
        c.modelWeights().size(), c.modelWeights().size() - counters, counters);
    Map<String, Safetensors.Entry> tensors = WeightsFile.floats(c);
    Map<String, long[]> shapes = new LinkedHashMap<>();
    c.modelWeights().forEach((n, t) -> shapes.put(n, t.shape()));

    Variant variant =
        settingsOptions.variantGiven()
            ? settingsOptions.variant()
            : CheckpointFit.detect(shapes.keySet());
    Settings settings = settingsOptions.settingsFor(variant);
    CheckpointFit fit =
        CheckpointFit.compare(
            variant, ParameterShapes.of(ModelWiring.model(variant, settings)), shapes);
    report(o, fit, settingsOptions.variantGiven());
    if (c.anchors().isPresent()) {
      Weights.checkAnchors(new WeightsFile(tensors, c.anchors()), settings.model().anchors(), in);
      o.printf("anchor_generator: %s, as model.anchors of %s%n", c.anchors().get(), variant);
    } else {
      o.println("anchor_generator: none (not checked)");
    }
    o.println(
        c.optimizerTensors().isPresent()
            ? "optimizer_state: " + c.optimizerTensors().getAsInt() + " tensors, skipped"
            : "optimizer_state: none");
    if (!c.otherEntries().isEmpty()) {
      o.println("other entries, skipped: " + String.join(", ", c.otherEntries()));
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("format", "pt");
    metadata.put("source", in.getFileName().toString());
    c.epoch().ifPresent(e -> metadata.put("epoch", e));
    c.lrate().ifPresent(lr -> metadata.put("lrate", String.valueOf(lr)));
    c.anchors().ifPresent(a -> metadata.put("anchors", a.toString()));
    Safetensors.write(out, tensors, metadata);
    o.printf("wrote %s: %d float32 tensors%n", out, tensors.size());
  }

  private static void report(PrintWriter o, CheckpointFit fit, boolean given) {
    Variant v = fit.variant();
    String what =
        String.format(
            "ResNet%d, %d stages, %s",
            v.depth(),
            v.blocks(),
            v.twoBranches() ? "two RoI branches (frozen and scratch)" : "one RoI branch (shared)");
    if (fit.exact()) {
      o.printf("fits %s (%s): every tensor it needs, none it does not expect%n", v, what);
      return;
    }
    o.printf("%s %s (%s), but:%n", given ? "compared with --variant" : "nearest variant", v, what);
    fit.lacking().forEach(n -> o.println("  lacks: " + n));
    fit.unexpected().forEach(n -> o.println("  does not expect: " + n));
  }

  private void toPth(PrintWriter o) throws Exception {
    Map<String, Safetensors.Entry> tensors = Safetensors.read(in);
    Variant variant =
        settingsOptions.variantGiven()
            ? settingsOptions.variant()
            : CheckpointFit.detect(tensors.keySet());
    Settings settings = settingsOptions.settingsFor(variant);
    Map<String, long[]> shapes = new LinkedHashMap<>();
    tensors.forEach((n, e) -> shapes.put(n, e.shape()));
    report(
        o,
        CheckpointFit.compare(
            variant, ParameterShapes.of(ModelWiring.model(variant, settings)), shapes),
        settingsOptions.variantGiven());
    Map<String, PthTensor> weights = new LinkedHashMap<>();
    tensors.forEach((n, e) -> weights.put(n, PthTensor.of(e.shape(), e.data())));
    AnchorSettings a = settings.model().anchors();
    CheckpointAnchors anchors = CheckpointAnchors.oneLevel(a.sizes(), a.aspectRatios());
    double lr = lrate != null ? lrate : settings.training().learningRate();
    Map<String, PthTensor> all = PthWriter.withBatchNormCounters(weights);
    PthWriter.write(out, all, anchors, epoch, lr);
    o.printf(
        "wrote %s: torch zip checkpoint, %d tensors (%d num_batches_tracked added),"
            + " epoch %s, lrate %s, anchor_generator %s%n",
        out, all.size(), all.size() - weights.size(), epoch, lr, anchors);
  }
}
