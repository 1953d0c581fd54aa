package ssm.experiments.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import ssm.experiments.run.DataSources;
import ssm.experiments.run.TrainingRun;
import ssm.run.RunFolder;
import ssm.settings.Settings;
import ssm.settings.Variant;

/**
 * {@code ssm train}: trains one variant (docs/explanation/model.md#52-protocol), on the built-in
 * synthetic data unless real data is given; checkpoints, TensorBoard events and the final weights
 * go to {@code --out}.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = "Train one variant (Stage I where the regime has it, then Stage II).")
final class TrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin SettingsOptions settingsOptions;

  @Mixin DataOptions dataOptions;

  @Option(names = "--out", paramLabel = "DIR", description = "Run folder (default: runs/VARIANT).")
  Path out;

  @Option(names = "--resume", description = "Continue from the run folder's last checkpoint.")
  boolean resume;

  @Option(
      names = "--init-weights",
      paramLabel = "FILE",
      description =
          "Start from these weights (safetensors or PyTorch .pth; tensors the model lacks"
              + " are ignored).")
  Path initWeights;

  @Option(
      names = "--stage1-weights",
      paramLabel = "FILE",
      description =
          "A finished Stage I model (safetensors or .pth): skip Stage I (shared and"
              + " frozen regimes).")
  Path stageOneWeights;

  @Override
  public Integer call() throws Exception {
    Settings settings = settingsOptions.settings();
    Variant variant = settingsOptions.variant();
    Path dir = out != null ? out : dataOptions.runsRoot().resolve(variant.name());
    if (!resume) {
      // before the validation split is cut into the folder: a refused command changes nothing
      new RunFolder(dir).refuseFreshRun();
    }
    RunProvenance provenance = RunProvenance.begin(spec).into(dir);
    DataSources sources =
        dataOptions.trainingSources(settings, new java.io.PrintWriter(System.err, true), dir);
    TrainingRun.run(
        variant,
        settings,
        sources,
        dir,
        new TrainingRun.Start(resume, initWeights, stageOneWeights));
    provenance.finish(0);
    return 0;
  }
}
