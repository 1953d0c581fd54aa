package ssm.experiments.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import ssm.settings.Variant;

/** {@code ssm variants}: the 12 variants in the paper's order, as a markdown table. */
@Command(
    name = "variants",
    mixinStandardHelpOptions = true,
    description = "List the 12 variants in the paper's order (markdown).")
final class VariantsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.println("| variant | paper | backbone | blocks | regime | branches |");
    out.println("|---|---|---|---|---|---|");
    for (Variant v : Variant.all()) {
      out.printf(
          "| %s | %s | ResNet%d | %d | %s | %d |%n",
          v.name(),
          v.paperLabel(),
          v.depth(),
          v.blocks(),
          v.regime().configName(),
          v.twoBranches() ? 2 : 1);
    }
    out.flush();
    return 0;
  }
}
