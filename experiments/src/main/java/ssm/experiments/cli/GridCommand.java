package ssm.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import ssm.experiments.run.DataSources;
import ssm.experiments.run.GridDefinition;
import ssm.experiments.run.GridRunner;
import ssm.experiments.run.SeedRuns;
import ssm.experiments.run.StageOneRun;
import ssm.settings.Variant;
import ssm.util.Check;

/**
 * {@code ssm grid}: the paper's 12 variants (or another grid file) trained, evaluated and
 * tabulated, on the built-in synthetic data unless real data is given. Runs land in {@code
 * runs/<grid>-<profile>/<variant>/}; rerunning skips finished variants and resumes interrupted
 * ones; {@code --shard K/N} runs every Nth variant for N machines.
 */
@Command(
    name = "grid",
    mixinStandardHelpOptions = true,
    description =
        "Train and evaluate a grid of variants (default: the paper's 12, profile "
            + "demo, synthetic data) and print the paper's Tables 1-3 and Table 4 "
            + "(COVID-19 versus rest, not in the paper).")
final class GridCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin SettingsOptions settingsOptions;

  @Option(
      names = "--grid",
      paramLabel = "NAME|FILE",
      defaultValue = "paper",
      description = "A grid of configs/grids/ or a grid file (default: paper).")
  String grid;

  @Mixin DataOptions dataOptions;

  @Option(
      names = "--shard",
      paramLabel = "K/N",
      description = "Run variants K, K+N, K+2N, ... of the grid (1-based), e.g. 2/4.")
  String shard;

  @Option(
      names = "--seeds",
      paramLabel = "N",
      defaultValue = "1",
      description =
          "Train each variant N times, seed k with training.seed + k - 1 into <variant>-s<k>/ "
              + "(seed 1 keeps <variant>/); the tables add each variant's mean and sd over its seeds"
              + " (default: 1).")
  int seeds;

  @Option(
      names = "--baseline",
      paramLabel = "VARIANT",
      description = "Mark significance against this variant instead of the best on each figure.")
  String baseline;

  @Override
  public Integer call() throws Exception {
    settingsOptions.defaultProfile("demo");
    GridDefinition definition = GridDefinition.load(grid);
    List<Variant> variants = shardOf(definition.variants(), shard);
    var first = settingsOptions.settingsFor(variants.get(0));
    if ("paper".equals(settingsOptions.profile()) && !dataOptions.realData()) {
      throw new IllegalArgumentException(
          "profile paper is the paper's protocol on the real "
              + "datasets: give --seg-data and --cls-data (or use --profile demo)");
    }
    PrintWriter err = spec.commandLine().getErr();
    Path root = dataOptions.runsRoot().resolve(definition.name() + "-" + settingsOptions.profile());
    DataSources data = dataOptions.trainingSources(first, err, root); // once, before any variant
    err.printf(
        "grid %s, profile %s: %d variant(s)%s%s into %s; data: %s%n",
        definition.name(),
        settingsOptions.profile(),
        variants.size(),
        seeds == 1 ? "" : " x " + seeds + " seeds",
        shard == null ? "" : " (shard " + shard + ")",
        root,
        data.description());
    err.flush();
    long start = System.nanoTime();
    RunProvenance provenance = RunProvenance.begin(spec).into(root);
    List<GridRunner.Job> jobs = new ArrayList<>();
    SeedRuns.check(seeds);
    for (int k = 1; k <= seeds; k++) { // every variant's seed 1 first: the tables fill sooner
      for (Variant v : variants) {
        List<String> seed = SeedRuns.overrides(settingsOptions.settingsFor(v), k);
        jobs.add(
            new GridRunner.Job(
                SeedRuns.folder(v.name(), k),
                v,
                settingsOptions.settingsFor(v, seed),
                Map.of(),
                k));
      }
    }
    List<GridRunner.Outcome> outcomes =
        new GridRunner(
                root,
                (v, k) -> {
                  List<String> extra = new ArrayList<>();
                  extra.add(StageOneRun.STAGE_ONE_ONLY);
                  extra.addAll(SeedRuns.overrides(settingsOptions.settingsFor(v), k));
                  return settingsOptions.settingsFor(v, extra);
                },
                data,
                err)
            .withListener(provenance.perRun())
            .run(jobs);
    PrintWriter out = spec.commandLine().getOut();
    out.println("| variant | paper | status | seconds | result |");
    out.println("|---|---|---|---:|---|");
    outcomes.forEach(
        o ->
            out.printf(
                "| %s | %s | %s | %.0f | %s |%n",
                o.job().name(),
                o.job().variant().paperLabel(),
                o.status(),
                o.seconds(),
                o.detail()));
    out.printf("%ngrid wall time: %.1f min%n%n", (System.nanoTime() - start) / 60e9);
    out.flush();
    TablesCommand.report(root, baseline, out, err);
    int code = outcomes.stream().anyMatch(o -> o.status().equals("FAILED")) ? 1 : 0;
    provenance.finish(code);
    return code;
  }

  /** Variants K, K+N, ... (1-based K) of {@code all}; all of them without a shard. */
  static List<Variant> shardOf(List<Variant> all, String shard) {
    if (shard == null) {
      return all;
    }
    String[] kn = shard.split("/");
    Check.that(
        kn.length == 2 && kn[0].matches("\\d+") && kn[1].matches("\\d+"),
        "--shard %s: expected K/N, e.g. 2/4",
        shard);
    int k = Integer.parseInt(kn[0]);
    int n = Integer.parseInt(kn[1]);
    Check.that(n >= 1 && k >= 1 && k <= n, "--shard %s: need 1 <= K <= N", shard);
    List<Variant> mine = new ArrayList<>();
    for (int i = k - 1; i < all.size(); i += n) {
      mine.add(all.get(i));
    }
    return mine;
  }
}
