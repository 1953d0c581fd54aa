package ssm.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import ssm.experiments.compare.SignificanceTable;
import ssm.experiments.run.SeedGroups;
import ssm.experiments.tables.CollectionTable;
import ssm.experiments.tables.PaperTables;
import ssm.experiments.tables.SeedTable;
import ssm.model.ParameterCount;
import ssm.settings.Settings;
import ssm.settings.SettingsLoader;
import ssm.settings.Variant;
import ssm.slices.SliceResultsFile;
import ssm.wiring.ModelWiring;

/**
 * {@code ssm tables RUNS_DIR}: the paper's Tables 1-3 and Table 4 from the runs' metrics.json
 * files, written as markdown and CSV into {@code RUNS_DIR/tables/} and printed
 * (docs/reference/evaluation.md).
 */
@Command(
    name = "tables",
    mixinStandardHelpOptions = true,
    description = {
      "The paper's Tables 1-3 (parameters; mask AP ranked by AP@[.5:.95]; "
          + "sensitivities, accuracy, F1 ranked by F1) from RUNS_DIR/<variant>/metrics.json and "
          + "RUNS_DIR/*/<variant>/metrics.json, each figure beside the paper's, and Table 4 "
          + "(COVID-19 versus rest, not in the paper).",
      "Writes RUNS_DIR/tables/{tables,table1-parameters,table2-segmentation,"
          + "table3-classification,table4-covid-vs-rest}.md and the tables as .csv; prints the markdown."
    })
final class TablesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "RUNS_DIR", description = "Folder of the runs.")
  Path runsDir;

  @Option(
      names = "--baseline",
      paramLabel = "VARIANT",
      description = "Mark significance against this variant instead of the best on each figure.")
  String baseline;

  @Override
  public Integer call() {
    report(runsDir, baseline, spec.commandLine().getOut(), spec.commandLine().getErr());
    return 0;
  }

  /** Writes Tables 1-3 of the runs under {@code runsDir} and prints their markdown. */
  static void report(Path runsDir, PrintWriter out, PrintWriter err) {
    report(runsDir, null, out, err);
  }

  /**
   * Writes Tables 1-4 of the runs under {@code runsDir} (seed 1 of each variant), then, where they
   * apply, the seed table (variants with several seeds) and the significance table (two or more
   * variants with slices.json; against {@code baseline}, or the best on each figure when null), and
   * prints their markdown.
   */
  static void report(Path runsDir, String baseline, PrintWriter out, PrintWriter err) {
    List<String> warnings = new ArrayList<>();
    List<PaperTables.Run> runs = PaperTables.scan(runsDir, warnings);
    warnings.forEach(w -> err.println("warning: " + w));
    int printed = warnings.size();
    err.printf("%d evaluated variant(s) under %s%n", runs.size(), runsDir);
    err.flush();
    // Parameters are counted once per architecture (frozen and scratch share one).
    Map<String, Long> counted = new HashMap<>();
    List<PaperTables.Table> tables =
        new ArrayList<>(
            List.of(
                PaperTables.table1(
                    runs,
                    v ->
                        counted.computeIfAbsent(
                            v.depth() + "-" + v.blocks() + "-" + v.twoBranches(), k -> count(v))),
                PaperTables.table2(runs),
                PaperTables.table3(runs),
                PaperTables.table4(runs)));
    PaperTables.Table seeds = SeedTable.of(runsDir, warnings);
    if (seeds != null) {
      tables.add(seeds);
    }
    PaperTables.Table collections = CollectionTable.of(runs);
    if (collections != null) {
      tables.add(collections);
    }
    PaperTables.Table marks = significance(runsDir, baseline, warnings);
    if (marks != null) {
      tables.add(marks);
    }
    // the seed and significance tables' warnings, after the scan's
    warnings.subList(printed, warnings.size()).forEach(w -> err.println("warning: " + w));
    String preamble =
        "# The paper's tables, from "
            + runsDir.toAbsolutePath().normalize()
            + "\n\nWritten by `./ssm tables "
            + runsDir
            + "` from "
            + runs.size()
            + " metrics.json file(s). See docs/reference/evaluation.md.\n"
            + PaperTables.dataNote(runs);
    Path md = PaperTables.write(runsDir.resolve("tables"), tables, preamble);
    tables.forEach(t -> out.println(t.markdown()));
    out.flush();
    err.println("wrote " + md + " and " + runsDir.resolve("tables") + "/table{1,2,3,4}-*.{md,csv}");
    err.flush();
  }

  /**
   * The significance table of the runs under {@code runsDir} (their slices.json) against {@code
   * baseline} or, when null, the best on each figure; null, with a warning, when there is none.
   */
  static PaperTables.Table significance(Path runsDir, String baseline, List<String> warnings) {
    return SignificanceTable.DEFAULT.tableOf(
        SeedGroups.of(runsDir, SliceResultsFile.FILE_NAME), baseline, "variant", warnings);
  }

  /** The variant's parameters with its default settings (the architecture is the variant's). */
  private static long count(Variant v) {
    Settings s = new SettingsLoader().load(v.name(), List.of(), List.of());
    return ParameterCount.of(ModelWiring.model(v, s), s.training().updateRule()).total();
  }
}
