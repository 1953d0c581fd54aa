package ssm.experiments.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ssm config}: loads and checks the settings as any command would, then prints them fully
 * resolved as HOCON (with {@code --origins}, each value's origin as a comment above it).
 */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = "Check the settings and print them fully resolved (HOCON).")
final class ConfigCommand implements Callable<Integer> {
  @Mixin SettingsOptions settingsOptions;

  @Option(names = "--origins", description = "Show where each value came from.")
  boolean origins;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.print(settingsOptions.settings().render(origins));
    out.flush();
    return 0;
  }
}
