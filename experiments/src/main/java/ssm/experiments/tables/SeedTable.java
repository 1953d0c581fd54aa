package ssm.experiments.tables;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import ssm.experiments.run.SeedGroups;
import ssm.report.MetricsReport;
import ssm.report.MetricsReports;
import ssm.run.RunFolder;

/**
 * The seed table: for each run trained with several seeds ({@code --seeds N}), each seed's test
 * figure and their mean and standard deviation (the sample sd, n - 1), with N in the caption.
 * Tables 1-4 show seed 1 alone, so that {@code --seeds 1} keeps them as they were.
 */
public final class SeedTable {
  /** The file name of the table under {@code tables/}. */
  public static final String FILE = "table5-seeds";

  private SeedTable() {}

  /** One figure of the table and how to read it from a report (null where undefined). */
  private record Figure(String markdown, String csv, Function<MetricsReport, Double> value) {}

  private static final List<Figure> FIGURES =
      List.of(
          new Figure("AP@[.5:.95]", "ap", m -> paper(m) == null ? null : paper(m).ap()),
          new Figure("AP@0.5", "ap50", m -> paper(m) == null ? null : paper(m).ap50()),
          new Figure(
              "COCO segm AP50",
              "coco_segm_ap50",
              m ->
                  m.segmentation() == null
                          || m.segmentation().cocoSegm() == null
                          || m.segmentation().cocoSegm().ap50() == null
                          || m.segmentation().cocoSegm().ap50() < 0 // COCO's -1: no lesion
                      ? null
                      : m.segmentation().cocoSegm().ap50()),
          new Figure(
              "accuracy",
              "accuracy",
              m -> m.classification() == null ? null : m.classification().accuracy()),
          new Figure(
              "F1",
              "f1_weighted",
              m -> m.classification() == null ? null : m.classification().f1Weighted()));

  private static ssm.report.PaperApFigures paper(MetricsReport m) {
    return m.segmentation() == null ? null : m.segmentation().paper();
  }

  /** One run's seeds: index to report. */
  record Seeded(String run, TreeMap<Integer, MetricsReport> seeds) {}

  /** The table of the runs under {@code root}, or null when no run has more than one seed. */
  public static PaperTables.Table of(Path root, List<String> warnings) {
    return of(SeedGroups.of(root, RunFolder.METRICS), warnings);
  }

  /**
   * The table of {@code groups} (run name to seed index to run folder), or null when no run has
   * more than one seed.
   */
  public static PaperTables.Table of(
      Map<String, TreeMap<Integer, Path>> groups, List<String> warnings) {
    if (!SeedGroups.seeded(groups)) {
      return null;
    }
    List<Seeded> rows = new ArrayList<>();
    groups.forEach(
        (run, folders) -> {
          TreeMap<Integer, MetricsReport> reports = new TreeMap<>();
          folders.forEach(
              (k, folder) -> {
                Path f = new RunFolder(folder).metrics();
                try {
                  reports.put(k, MetricsReports.read(f));
                } catch (IOException | IllegalArgumentException e) {
                  warnings.add(f + ": not readable (" + e.getMessage() + "); left out");
                }
              });
          if (!reports.isEmpty()) {
            rows.add(new Seeded(run, reports));
          }
        });
    return table(rows);
  }

  static PaperTables.Table table(List<Seeded> rows) {
    List<Column<Seeded>> columns = new ArrayList<>();
    columns.add(Column.same("run", "run", r -> r.run()));
    columns.add(Column.same("N", "seeds", r -> String.valueOf(r.seeds().size())));
    columns.add(
        Column.of(
            "training seeds",
            r -> String.join(", ", trainingSeeds(r)),
            "training_seeds",
            r -> String.join(";", trainingSeeds(r))));
    for (Figure f : FIGURES) {
      columns.add(
          Column.of(
              f.markdown() + " per seed",
              r -> String.join(", ", values(r, f, "%.3f")),
              f.csv() + "_per_seed",
              r -> String.join(";", values(r, f, "%s"))));
      columns.add(
          Column.of(
              f.markdown() + " mean ± sd",
              r -> meanSd(r, f, "%.3f ± %.3f"),
              f.csv() + "_mean_sd",
              r -> meanSd(r, f, "%s;%s")));
    }
    int most = rows.stream().mapToInt(r -> r.seeds().size()).max().orElse(0);
    int fewest = rows.stream().mapToInt(r -> r.seeds().size()).min().orElse(0);
    String n = most == fewest ? "N = " + most : "N = " + fewest + " to " + most;
    return PaperTables.Table.of(
        FILE,
        "**Table 5.** Each run's test figures over its seeds ("
            + n
            + " per run; seed k trained with training.seed + k - 1, docs/how-to/grids-and-sweeps.md):"
            + " each seed's figure, in seed order, and their mean ± sample standard deviation"
            + " (n - 1). Tables 1-4 show seed 1. A figure undefined for a seed is n/a and left out"
            + " of the mean.",
        columns,
        rows);
  }

  private static List<String> trainingSeeds(Seeded r) {
    List<String> out = new ArrayList<>();
    r.seeds()
        .values()
        .forEach(m -> out.add(m.trainingSeed() == null ? "?" : String.valueOf(m.trainingSeed())));
    return out;
  }

  private static List<String> values(Seeded r, Figure f, String format) {
    List<String> out = new ArrayList<>();
    for (MetricsReport m : r.seeds().values()) {
      Double v = f.value().apply(m);
      out.add(v == null ? "n/a" : String.format(Locale.ROOT, format, v));
    }
    return out;
  }

  /** Mean and sample sd of the defined values; "n/a" for the sd of fewer than 2. */
  static String meanSd(Seeded r, Figure f, String format) {
    List<Double> v = new ArrayList<>();
    r.seeds().values().forEach(m -> v.add(f.value().apply(m)));
    double[] d = v.stream().filter(x -> x != null).mapToDouble(Double::doubleValue).toArray();
    if (d.length == 0) {
      return "n/a";
    }
    double[] ms = meanSd(d);
    String text = String.format(Locale.ROOT, format, ms[0], ms[1]);
    return Double.isNaN(ms[1]) ? text.replace("NaN", "n/a") : text;
  }

  /** {mean, sample sd}; the sd is NaN for one value. */
  static double[] meanSd(double[] v) {
    double mean = 0;
    for (double x : v) {
      mean += x;
    }
    mean /= v.length;
    if (v.length < 2) {
      return new double[] {mean, Double.NaN};
    }
    double ss = 0;
    for (double x : v) {
      ss += (x - mean) * (x - mean);
    }
    return new double[] {mean, Math.sqrt(ss / (v.length - 1))};
  }
}
