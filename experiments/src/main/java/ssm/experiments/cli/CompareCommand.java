package ssm.experiments.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import ssm.experiments.compare.ComparisonReport;
import ssm.experiments.compare.EvaluatedRun;
import ssm.experiments.compare.FigureComparison;
import ssm.experiments.compare.RunComparator;
import ssm.stats.PairedBootstrap;

/**
 * {@code ssm compare RUN_A RUN_B [...]}: each run against the first (or {@code --baseline}) on the
 * slices both were evaluated on, read from their slices.json (docs/how-to/compare-runs.md).
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Compares runs evaluated on the same slices, each against the first run (or --baseline),"
          + " from the per-slice results ssm eval and ssm grid write beside metrics.json"
          + " (slices.json): accuracy by the exact McNemar test, the COVID-19-vs-rest AUC by"
          + " DeLong's test, COCO segm AP50 and the paper's AP@0.5 by the paired bootstrap over"
          + " slices; the difference, its 95%% interval, the p-value and Holm's adjusted p over all"
          + " comparisons printed (docs/how-to/compare-runs.md)."
    })
final class CompareCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(
      arity = "2..*",
      paramLabel = "RUN",
      description = "Run folders (holding slices.json) or slices.json files.")
  List<Path> runs;

  @Option(
      names = "--baseline",
      paramLabel = "RUN",
      description = "The run the others are compared with (default: the first).")
  Path baseline;

  @Option(
      names = "--by-collection",
      description =
          "Compare within each collection of the slices instead (by file name: medseg_000.png is"
              + " medseg; docs/reference/data.md), every figure once per collection.")
  boolean byCollection;

  @Option(names = "--resamples", description = "Bootstrap draws (default: ${DEFAULT-VALUE}).")
  int resamples = PairedBootstrap.DEFAULT_RESAMPLES;

  @Option(names = "--seed", description = "Bootstrap seed (default: ${DEFAULT-VALUE}).")
  long seed = 20201;

  @Override
  public Integer call() {
    if (resamples < 100) {
      throw new IllegalArgumentException(
          "--resamples " + resamples + " is too few for a 95% interval; use at least 100");
    }
    List<Path> others = new ArrayList<>(runs);
    Path base = baseline == null ? others.remove(0) : baseline;
    others.removeIf(p -> p.normalize().equals(base.normalize()));
    if (others.isEmpty()) {
      throw new IllegalArgumentException("nothing to compare " + base + " with: name another run");
    }
    EvaluatedRun reference = EvaluatedRun.read(base);
    RunComparator comparator = new RunComparator(resamples, seed);
    List<FigureComparison> rows = new ArrayList<>();
    for (Path p : others) {
      EvaluatedRun run = EvaluatedRun.read(p);
      rows.addAll(
          byCollection
              ? comparator.compareByCollection(reference, run)
              : comparator.compare(reference, run));
    }
    spec.commandLine().getOut().print(ComparisonReport.of(reference.name(), rows).markdown());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
