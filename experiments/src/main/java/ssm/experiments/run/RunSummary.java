package ssm.experiments.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import ssm.events.ScalarSeries;
import ssm.events.ScalarSeries.Point;
import ssm.report.MetricsReport;
import ssm.report.MetricsReports;
import ssm.report.PaperApFigures;
import ssm.run.RunFolder;

/**
 * What one run folder says about its run: its state, its scalars read back from the event files,
 * its test metrics (metrics.json) and its best validation scores.
 *
 * @param name the folder relative to the folder listed
 * @param state {@code running} (a live process holds its .lock), {@code finished} (final weights
 *     written), {@code interrupted} (checkpoints or events, no final weights) or {@code empty}
 * @param metrics the run's metrics.json (an earlier schema converted), or null
 */
public record RunSummary(
    String name, Path dir, String state, ScalarSeries scalars, MetricsReport metrics) {

  /** Reads {@code dir}. */
  public static RunSummary read(String name, Path dir) throws IOException {
    ScalarSeries scalars = ScalarSeries.read(dir);
    Path metricsFile = new RunFolder(dir).metrics();
    MetricsReport metrics =
        Files.isRegularFile(metricsFile) ? MetricsReports.read(metricsFile) : null;
    return new RunSummary(name, dir, state(dir, scalars), scalars, metrics);
  }

  private static String state(Path dir, ScalarSeries scalars) {
    if (RunLock.held(dir)) {
      return "running";
    }
    RunFolder run = new RunFolder(dir);
    if (Files.isRegularFile(run.weights())) {
      return "finished";
    }
    return Files.isDirectory(run.checkpoints()) || !scalars.all().isEmpty()
        ? "interrupted"
        : "empty";
  }

  /** The last step with a scalar, or 0. */
  public long lastStep() {
    return scalars.all().values().stream()
        .filter(l -> !l.isEmpty())
        .mapToLong(l -> l.get(l.size() - 1).step())
        .max()
        .orElse(0);
  }

  /** The last value of {@code tag}, or NaN. */
  public double last(String tag) {
    List<Point> p = scalars.of(tag);
    return p.isEmpty() ? Double.NaN : p.get(p.size() - 1).value();
  }

  /** The point of {@code tag} with the highest value (the earliest of equals), or null. */
  public Point best(String tag) {
    Point best = null;
    for (Point p : scalars.of(tag)) {
      if (Double.isFinite(p.value()) && (best == null || p.value() > best.value())) {
        best = p;
      }
    }
    return best;
  }

  /** The test AP@0.5 (the paper's), or NaN. */
  public double testAp50() {
    return figure(paper() == null ? null : paper().ap50());
  }

  /** The test AP@[.5:.95] (the paper's), or NaN. */
  public double testAp() {
    return figure(paper() == null ? null : paper().ap());
  }

  /** The test accuracy, or NaN. */
  public double testAccuracy() {
    return figure(
        metrics == null || metrics.classification() == null
            ? null
            : metrics.classification().accuracy());
  }

  /** The test weighted F1, or NaN. */
  public double testF1() {
    return figure(
        metrics == null || metrics.classification() == null
            ? null
            : metrics.classification().f1Weighted());
  }

  private PaperApFigures paper() {
    return metrics == null || metrics.segmentation() == null
        ? null
        : metrics.segmentation().paper();
  }

  private static double figure(Double v) {
    return v == null ? Double.NaN : v;
  }
}
