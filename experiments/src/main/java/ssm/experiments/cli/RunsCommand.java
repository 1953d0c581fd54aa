package ssm.experiments.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import ssm.eval.MetricTags;
import ssm.events.ScalarSeries.Point;
import ssm.experiments.run.CurvePlot;
import ssm.experiments.run.RunSummary;
import ssm.loss.LossTags;
import ssm.run.RunFolder;
import ssm.settings.Settings;

/**
 * {@code ssm runs}: the runs under a folder read without TensorBoard: each run's state, final and
 * best metrics, a table of its scalars, and PNG plots of the curves (one per tag family, runs
 * overlaid), all from the run folders' event files and metrics.json
 * (docs/how-to/read-runs-without-tensorboard.md).
 */
@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    description = {
      "Summarise the runs under a folder without TensorBoard: state, final and best "
          + "metrics, a scalars table (markdown), and PNG plots of the loss and metric curves.",
      "Plots: one PNG per tag family (loss, eval, ...), runs overlaid, into DIR/plots/."
    })
final class RunsCommand implements Callable<Integer> {
  /** Folders never searched for runs: data sets, plots, a run's own insides. */
  private static final List<String> NOT_RUNS =
      List.of("data", "plots", RunFolder.CHECKPOINTS, "json", "overlays");

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "RUNS_DIR",
      defaultValue = "runs",
      description = "A run folder, or a folder of runs (a grid, a sweep, runs/; default: runs).")
  Path root;

  @Option(
      names = "--plots",
      paramLabel = "DIR",
      description = "Folder of the PNG plots (default: RUNS_DIR/plots).")
  Path plots;

  @Option(names = "--no-plots", description = "Print the tables only.")
  boolean noPlots;

  @Option(
      names = "--tag",
      paramLabel = "PREFIX",
      description =
          "Only scalars whose tag starts with PREFIX in the scalars table and the "
              + "plots (repeatable), e.g. --tag loss/ --tag eval/.")
  List<String> tags = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("RUNS_DIR " + root + ": no such folder");
    }
    List<Path> dirs = find(root);
    if (dirs.isEmpty()) {
      throw new IllegalArgumentException(
          root
              + " holds no runs (no folder with a "
              + Settings.FILE_NAME
              + " or an event file, 3 levels deep)");
    }
    List<RunSummary> runs = new ArrayList<>();
    for (Path d : dirs) {
      String name = d.equals(root) ? d.getFileName().toString() : root.relativize(d).toString();
      runs.add(RunSummary.read(name, d));
    }
    PrintWriter out = spec.commandLine().getOut();
    summary(out, runs);
    out.println();
    scalars(out, runs);
    out.flush();
    if (!noPlots) {
      Path dir = plots != null ? plots : root.resolve("plots");
      for (Path png : plot(dir, runs)) {
        spec.commandLine().getErr().println("wrote " + png);
      }
      spec.commandLine().getErr().flush();
    }
    return 0;
  }

  /** Run folders: {@code root} itself, or those up to 3 levels below it. */
  static List<Path> find(Path root) throws IOException {
    if (isRun(root)) {
      return List.of(root);
    }
    try (Stream<Path> s = Files.walk(root, 3)) {
      return s.filter(Files::isDirectory)
          .filter(d -> !d.equals(root))
          .filter(
              d -> {
                for (Path part : root.relativize(d)) {
                  if (NOT_RUNS.contains(part.toString())) {
                    return false;
                  }
                }
                return true;
              })
          .filter(RunsCommand::isRun)
          .sorted()
          .toList();
    }
  }

  private static boolean isRun(Path d) {
    if (Files.isRegularFile(d.resolve(Settings.FILE_NAME))) {
      return true;
    }
    try (Stream<Path> s = Files.list(d)) {
      return s.anyMatch(p -> p.getFileName().toString().startsWith("events.out.tfevents."));
    } catch (IOException e) {
      return false;
    }
  }

  private static void summary(PrintWriter out, List<RunSummary> runs) {
    out.println(
        "| run | state | steps | last loss/total | test AP@0.5 | test AP | test accuracy "
            + "| test F1 | best val. F1 (step) | best val. AP (step) |");
    out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (RunSummary r : runs) {
      out.printf(
          "| %s | %s | %d | %s | %s | %s | %s | %s | %s | %s |%n",
          r.name(),
          r.state(),
          r.lastStep(),
          num(r.last(LossTags.TOTAL)),
          num(r.testAp50()),
          num(r.testAp()),
          num(r.testAccuracy()),
          num(r.testF1()),
          best(r.best(MetricTags.F1)),
          best(r.best(MetricTags.AP)));
    }
  }

  private void scalars(PrintWriter out, List<RunSummary> runs) {
    out.println("| run | tag | points | first | last | min | max |");
    out.println("|---|---|---:|---:|---:|---:|---:|");
    for (RunSummary r : runs) {
      r.scalars()
          .all()
          .forEach(
              (tag, points) -> {
                if (!wanted(tag) || points.isEmpty()) {
                  return;
                }
                double min = points.stream().mapToDouble(Point::value).min().orElse(Double.NaN);
                double max = points.stream().mapToDouble(Point::value).max().orElse(Double.NaN);
                out.printf(
                    "| %s | %s | %d | %s | %s | %s | %s |%n",
                    r.name(),
                    tag,
                    points.size(),
                    num(points.get(0).value()),
                    num(points.get(points.size() - 1).value()),
                    num(min),
                    num(max));
              });
    }
  }

  /** One PNG per tag family ({@code loss}, {@code eval}, ...): a panel per tag, runs overlaid. */
  private List<Path> plot(Path dir, List<RunSummary> runs) throws IOException {
    Map<String, Map<String, Map<String, List<Point>>>> families = new TreeMap<>();
    for (RunSummary r : runs) {
      r.scalars()
          .all()
          .forEach(
              (tag, points) -> {
                if (wanted(tag) && !points.isEmpty()) {
                  String family = tag.contains("/") ? tag.substring(0, tag.indexOf('/')) : tag;
                  families
                      .computeIfAbsent(family, f -> new TreeMap<>())
                      .computeIfAbsent(tag, t -> new LinkedHashMap<>())
                      .put(r.name(), points);
                }
              });
    }
    List<String> names = runs.stream().map(RunSummary::name).toList();
    List<Path> written = new ArrayList<>();
    for (var family : families.entrySet()) {
      List<CurvePlot.Panel> panels = new ArrayList<>();
      family.getValue().forEach((tag, byRun) -> panels.add(new CurvePlot.Panel(tag, byRun)));
      Path png = dir.resolve(family.getKey().replaceAll("[^A-Za-z0-9_.-]", "_") + ".png");
      CurvePlot.write(png, family.getKey() + " (" + root + ")", names, panels);
      written.add(png);
    }
    return written;
  }

  private boolean wanted(String tag) {
    return tags.isEmpty() || tags.stream().anyMatch(tag::startsWith);
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
  }

  private static String best(Point p) {
    return p == null ? "" : String.format(Locale.ROOT, "%.4f (%d)", p.value(), p.step());
  }
}
