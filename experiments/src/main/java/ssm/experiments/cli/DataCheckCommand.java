package ssm.experiments.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import ssm.experiments.run.DataCheck;

/**
 * {@code ssm data check}: the data a train, grid or sweep with the same options would read, checked
 * in seconds (layout, readers, first slice of each set); see {@link DataCheck}.
 */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Check the data of a run before training: the --seg-data / --cls-data "
          + "layout, every set opened with the training readers and its first slice decoded.",
      "Prints one line per set (slices, path); a problem is one error naming the path and the "
          + "expected layout, exit 1. grid, sweep and train run the same check first."
    })
final class DataCheckCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin SettingsOptions settingsOptions;
  @Mixin DataOptions dataOptions;

  @Override
  public Integer call() {
    dataOptions.checkedSources(settingsOptions.settings(), spec.commandLine().getErr());
    spec.commandLine().getOut().println("data OK");
    spec.commandLine().getOut().flush();
    return 0;
  }
}
