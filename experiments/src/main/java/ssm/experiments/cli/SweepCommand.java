package ssm.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import ssm.experiments.compare.SignificanceTable;
import ssm.experiments.run.DataSources;
import ssm.experiments.run.GridRunner;
import ssm.experiments.run.SeedRuns;
import ssm.experiments.tables.PaperTables;
import ssm.experiments.tables.SeedTable;
import ssm.run.RunFolder;
import ssm.settings.Variant;
import ssm.slices.SliceResultsFile;
import ssm.util.Check;

/**
 * {@code ssm sweep}: the cartesian product of any settings, each combination trained and evaluated
 * as its own run (its keys logged for TensorBoard's HParams dashboard), then a table of the metrics
 * per combination. Like the grid, it skips finished runs and resumes others.
 */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description =
        "Train and evaluate one variant over the cartesian product of settings, e.g. "
            + "--sweep training.learning-rate=1e-5,1e-4 --sweep training.update-rule=s-only,s-bn")
final class SweepCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin SettingsOptions settingsOptions;

  @Option(
      names = "--sweep",
      required = true,
      paramLabel = "KEY=V1,V2,...",
      description = "A setting and its values; repeatable (the product of all is run).")
  List<String> sweeps;

  @Mixin DataOptions dataOptions;

  @Option(
      names = "--seeds",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Train each combination N times, seed k with training.seed + k - 1 into"
              + " <combination>-s<k>/ (seed 1 keeps <combination>/); default: 1.")
  int seeds;

  @Option(
      names = "--baseline",
      paramLabel = "COMBINATION",
      description =
          "Mark significance against this combination (its folder name, e.g."
              + " training.learning-rate=1e-4) instead of the best on each figure.")
  String baseline;

  @Override
  public Integer call() throws Exception {
    settingsOptions.defaultProfile("demo");
    Variant variant = settingsOptions.variant();
    List<Map<String, String>> combinations = product(sweeps);
    SeedRuns.check(seeds);
    List<GridRunner.Job> jobs = new ArrayList<>();
    for (int k = 1; k <= seeds; k++) { // every combination's seed 1 first
      for (Map<String, String> c : combinations) {
        List<String> overrides = new ArrayList<>();
        c.forEach((key, v) -> overrides.add(key + "=" + v));
        overrides.addAll(
            SeedRuns.overrides(settingsOptions.settingsFor(variant, List.copyOf(overrides)), k));
        Map<String, Object> hparams = new LinkedHashMap<>(c);
        jobs.add(
            new GridRunner.Job(
                SeedRuns.folder(label(c), k),
                variant,
                settingsOptions.settingsFor(variant, overrides),
                hparams,
                k));
      }
    }
    PrintWriter err = spec.commandLine().getErr();
    Path root =
        dataOptions.runsRoot().resolve("sweep-" + variant.name() + "-" + settingsOptions.profile());
    DataSources data = dataOptions.trainingSources(jobs.get(0).settings(), err, root);
    err.printf(
        "sweep of %s: %d combination(s) into %s; data: %s%n",
        variant.name(), jobs.size(), root, data.description());
    List<GridRunner.Outcome> outcomes = new GridRunner(root, null, data, err).run(jobs);
    PrintWriter out = spec.commandLine().getOut();
    out.println("| combination | status | seconds | result |");
    out.println("|---|---|---:|---|");
    outcomes.forEach(
        o ->
            out.printf(
                "| %s | %s | %.0f | %s |%n", o.job().name(), o.status(), o.seconds(), o.detail()));
    out.flush();
    summaries(
        root,
        combinations.stream().map(SweepCommand::label).toList(),
        seeds,
        baseline,
        out,
        spec.commandLine().getErr());
    return outcomes.stream().anyMatch(o -> o.status().equals("FAILED")) ? 1 : 0;
  }

  /**
   * The seed folders of the runs {@code labels} under {@code root} that hold {@code file}: name to
   * seed to folder.
   */
  private static Map<String, TreeMap<Integer, Path>> groups(
      Path root, List<String> labels, int seeds, String file) {
    Map<String, TreeMap<Integer, Path>> groups = new LinkedHashMap<>();
    for (String label : labels) {
      TreeMap<Integer, Path> folders = new TreeMap<>();
      for (int k = 1; k <= seeds; k++) {
        Path folder = root.resolve(SeedRuns.folder(label, k));
        if (Files.exists(folder.resolve(file))) {
          folders.put(k, folder);
        }
      }
      if (!folders.isEmpty()) {
        groups.put(label, folders);
      }
    }
    return groups;
  }

  /**
   * What follows the sweep's table: the seed table (Table 5) when some combination has several
   * seeds, then the significance table of the combinations {@code labels} (nothing with fewer than
   * two evaluated), against {@code baseline} or, when null, the best on each figure.
   */
  static void summaries(
      Path root,
      List<String> labels,
      int seeds,
      String baseline,
      PrintWriter out,
      PrintWriter err) {
    List<String> warnings = new ArrayList<>();
    PaperTables.Table seedTable =
        SeedTable.of(groups(root, labels, seeds, RunFolder.METRICS), warnings);
    if (seedTable != null) {
      out.println();
      out.println(seedTable.markdown());
    }
    PaperTables.Table table =
        SignificanceTable.DEFAULT.tableOf(
            groups(root, labels, seeds, SliceResultsFile.FILE_NAME),
            baseline,
            "combination",
            warnings);
    if (table != null) {
      out.println();
      out.println(table.markdown());
    }
    warnings.forEach(w -> err.println("warning: " + w));
    out.flush();
    err.flush();
  }

  /** Every combination of the values of {@code sweeps} ({@code key=v1,v2}), first key slowest. */
  static List<Map<String, String>> product(List<String> sweeps) {
    List<Map<String, String>> out = new ArrayList<>();
    out.add(new LinkedHashMap<>());
    for (String sweep : sweeps) {
      int eq = sweep.indexOf('=');
      Check.that(
          eq > 0 && eq < sweep.length() - 1,
          "--sweep %s: expected KEY=V1,V2,... e.g. training.learning-rate=1e-5,1e-4",
          sweep);
      String key = sweep.substring(0, eq).trim();
      List<Map<String, String>> next = new ArrayList<>();
      for (Map<String, String> partial : out) {
        for (String value : sweep.substring(eq + 1).split(",")) {
          Map<String, String> c = new LinkedHashMap<>(partial);
          c.put(key, value.trim());
          next.add(c);
        }
      }
      out = next;
    }
    return out;
  }

  /** A folder name for a combination: {@code training.learning-rate=1e-4,training.epochs=2}. */
  static String label(Map<String, String> combination) {
    List<String> parts = new ArrayList<>();
    combination.forEach((k, v) -> parts.add(k + "=" + v));
    return String.join(",", parts).replaceAll("[^A-Za-z0-9._=,+-]", "_");
  }
}
