package ssm.experiments.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import ssm.experiments.tables.PaperTables;
import ssm.experiments.tables.ResultsSection;
import ssm.experiments.tables.SeedTable;
import ssm.run.Provenance;
import ssm.run.RunFolder;

/**
 * {@code ssm results GRID_DIR [--out FILE]}: a grid's section of RESULTS.md produced from its runs'
 * metrics.json and its provenance.json, printed, or written between the section's markers in FILE.
 */
@Command(
    name = "results",
    mixinStandardHelpOptions = true,
    description = {
      "A grid's section of RESULTS.md from its runs: each variant's figures with 95%% intervals"
          + " (GRID_DIR/<variant>/metrics.json), the test sets and their sizes, and the command,"
          + " commit, CPU and wall time (GRID_DIR/provenance.json); with several seeds, Table 5"
          + " (each seed's figures, mean and sd), and the significance table where the runs"
          + " have slices.json.",
      "Prints the section; with --out, replaces the text between <!-- results:SECTION:begin -->"
          + " and <!-- results:SECTION:end --> in FILE and nothing else."
    })
final class ResultsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "GRID_DIR", description = "The grid's folder.")
  Path gridDir;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Markdown file whose section to replace, e.g. RESULTS.md (default: print).")
  Path out;

  @Option(
      names = "--section",
      paramLabel = "NAME",
      defaultValue = "demo-grid",
      description = "The section's name in the markers (default: demo-grid).")
  String section;

  @Override
  public Integer call() throws Exception {
    if (!section.matches("[a-z0-9-]+")) {
      throw new ParameterException(
          spec.commandLine(), "--section " + section + ": use a-z, 0-9 and -");
    }
    if (!Files.isDirectory(gridDir)) {
      throw new ParameterException(spec.commandLine(), gridDir + ": no such folder");
    }
    List<ResultsSection.Run> runs = ResultsSection.scan(gridDir);
    if (runs.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(), gridDir + ": no run folder holds metrics.json");
    }
    Provenance provenance = Provenance.read(new RunFolder(gridDir).provenance());
    List<String> warnings = new ArrayList<>();
    List<PaperTables.Table> more = new ArrayList<>();
    PaperTables.Table seeds = SeedTable.of(gridDir, warnings);
    if (seeds != null) {
      more.add(seeds);
    }
    PaperTables.Table marks = TablesCommand.significance(gridDir, null, warnings);
    if (marks != null) {
      more.add(marks);
    }
    warnings.forEach(w -> spec.commandLine().getErr().println("warning: " + w));
    String text =
        ResultsSection.render(section, RunProvenance.commandLine(spec), runs, provenance, more);
    if (out == null) {
      spec.commandLine().getOut().println(text);
      spec.commandLine().getOut().flush();
      return 0;
    }
    if (!Files.isRegularFile(out)) {
      throw new ParameterException(spec.commandLine(), "--out " + out + ": no such file");
    }
    String document = Files.readString(out);
    String updated;
    try {
      updated = ResultsSection.replace(document, section, text);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--out " + out + ": " + e.getMessage(), e);
    }
    Files.writeString(out, updated);
    spec.commandLine()
        .getErr()
        .printf(
            "wrote section %s of %s from %d run(s) of %s%n", section, out, runs.size(), gridDir);
    spec.commandLine().getErr().flush();
    return 0;
  }
}
