package ssm.experiments.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import ssm.experiments.tables.PaperTables;
import ssm.slices.SliceResultsFile;
import ssm.stats.PairedBootstrap;

/**
 * The significance table printed after a grid's Tables 1-4 and after a sweep's table: on each
 * figure, every run against the best run on that figure (or against a baseline the user names),
 * with Holm's correction over all the table's tests. One rule per table: when every run has one
 * seed, the standard paired test of each figure ({@link RunComparator}: exact McNemar for accuracy,
 * DeLong for the COVID-19-vs-rest AUC, paired bootstrap for the APs); when any run has several, the
 * seed-averaged paired bootstrap for every figure ({@link SeedAveragedComparator}). A pair the test
 * set cannot separate is said to be so rather than ranked.
 *
 * @param resamples bootstrap draws
 * @param seed bootstrap seed
 */
public record SignificanceTable(int resamples, long seed) {
  /** The file name of the table under {@code tables/}. */
  public static final String FILE = "significance";

  /** The table's defaults: 2,000 draws, seed 1 (as {@code ssm compare}). */
  public static final SignificanceTable DEFAULT =
      new SignificanceTable(PairedBootstrap.DEFAULT_RESAMPLES, 1);

  private static final List<String> FIGURES =
      List.of(
          RunComparator.ACCURACY,
          RunComparator.AUC,
          RunComparator.COCO_AP50,
          RunComparator.PAPER_AP50);

  /** The runs of {@code groups} (run to seed index to folder) with their slices.json read. */
  public static List<SeededRun> read(Map<String, TreeMap<Integer, Path>> groups) {
    List<SeededRun> runs = new ArrayList<>();
    groups.forEach(
        (name, seeds) -> {
          List<EvaluatedRun> evaluated = new ArrayList<>();
          seeds.forEach(
              (k, folder) ->
                  evaluated.add(
                      new EvaluatedRun(
                          name + (k == 1 ? "" : " seed " + k),
                          SliceResultsFile.read(folder.resolve(SliceResultsFile.FILE_NAME)))));
          runs.add(new SeededRun(name, evaluated));
        });
    return runs;
  }

  /** The comparisons of {@code runs} with Holm's correction: the table's content. */
  public record Marks(
      List<String> figures, Map<String, String> against, ComparisonReport report, boolean seeded) {}

  /**
   * Each run against the best on each figure, or against {@code baseline} (a run's name) when not
   * null; null with fewer than two runs.
   */
  public Marks marks(List<SeededRun> runs, String baseline) {
    if (runs.size() < 2) {
      return null;
    }
    Map<String, SeededRun> byName = new LinkedHashMap<>();
    runs.forEach(r -> byName.put(r.name(), r));
    if (baseline != null && !byName.containsKey(baseline)) {
      throw new IllegalArgumentException(
          "--baseline "
              + baseline
              + ": no evaluated run of that name here; the runs are "
              + String.join(", ", byName.keySet()));
    }
    boolean seeded = runs.stream().anyMatch(r -> r.seeds().size() > 1);
    SeedAveragedComparator averaged = new SeedAveragedComparator(resamples, seed);
    RunComparator single = new RunComparator(resamples, seed);
    // each run's figures on all slices (its seeds' mean): the best on each figure
    Map<String, Map<String, Double>> values = new LinkedHashMap<>();
    EvaluatedRun reference = runs.get(0).seeds().get(0);
    for (SeededRun r : runs) {
      SeedAveragedComparator.values(reference, r)
          .forEach(
              (f, v) -> values.computeIfAbsent(f, k -> new LinkedHashMap<>()).put(r.name(), v));
    }
    List<String> figures = new ArrayList<>();
    Map<String, String> against = new LinkedHashMap<>();
    for (String f : FIGURES) {
      if (!values.containsKey(f)) {
        continue;
      }
      figures.add(f);
      against.put(f, baseline != null ? baseline : best(competing(f, values.get(f), byName)));
    }
    List<FigureComparison> rows = new ArrayList<>();
    Map<String, Map<String, List<FigureComparison>>> cache = new LinkedHashMap<>();
    for (String f : figures) {
      SeededRun base = byName.get(against.get(f));
      for (SeededRun r : runs) {
        if (r == base) {
          continue;
        }
        List<FigureComparison> all =
            cache
                .computeIfAbsent(base.name(), k -> new LinkedHashMap<>())
                .computeIfAbsent(
                    r.name(),
                    k ->
                        seeded
                            ? averaged.compare(base, r)
                            : single.compare(base.seeds().get(0), r.seeds().get(0)));
        rows.add(named(r.name(), all.stream().filter(c -> c.figure().equals(f)).findFirst().get()));
      }
    }
    return new Marks(figures, against, ComparisonReport.of("", rows), seeded);
  }

  /**
   * The table of the runs {@code groups} names (run name to seed to folder holding slices.json), or
   * null: fewer than two runs, or (without {@code baseline}) runs that cannot be compared, said in
   * {@code warnings}.
   *
   * @throws IllegalArgumentException when {@code baseline} is named and cannot be compared
   */
  public PaperTables.Table tableOf(
      Map<String, TreeMap<Integer, Path>> groups,
      String baseline,
      String noun,
      List<String> warnings) {
    try {
      return table(read(groups), baseline, noun);
    } catch (IllegalArgumentException e) {
      if (baseline != null) {
        throw e; // the user asked for the marks against a run
      }
      warnings.add("no significance table: " + e.getMessage());
      return null;
    }
  }

  /** The table, or null with fewer than two runs; {@code noun} names a run ("variant"). */
  public PaperTables.Table table(List<SeededRun> runs, String baseline, String noun) {
    Marks m = marks(runs, baseline);
    if (m == null) {
      return null;
    }
    List<String> header =
        List.of(
            "figure",
            "against",
            "its figure",
            noun,
            "figure",
            "difference",
            "95% interval",
            "p",
            "Holm p",
            "significance",
            "test");
    List<String> csvHeader =
        List.of(
            "figure",
            "against",
            "against_value",
            noun,
            "value",
            "difference",
            "low",
            "high",
            "p",
            "holm_p",
            "significance",
            "test");
    List<List<String>> rows = new ArrayList<>();
    List<List<String>> csvRows = new ArrayList<>();
    ComparisonReport report = m.report();
    for (int i = 0; i < report.rows().size(); i++) {
      FigureComparison c = report.rows().get(i);
      String against = m.against().get(c.figure());
      String mark = mark(report, i);
      rows.add(
          List.of(
              c.figure(),
              against,
              number(c.baseline()),
              c.run(),
              number(c.value()),
              signed(c.difference()),
              Double.isNaN(c.low()) ? "n/a" : "[" + signed(c.low()) + ", " + signed(c.high()) + "]",
              c.tested() ? ComparisonReport.pValue(c.p()) : "n/a",
              c.tested() ? ComparisonReport.pValue(report.adjusted(i)) : "n/a",
              mark,
              c.test()));
      csvRows.add(
          List.of(
              c.figure(),
              against,
              String.valueOf(c.baseline()),
              c.run(),
              String.valueOf(c.value()),
              String.valueOf(c.difference()),
              String.valueOf(c.low()),
              String.valueOf(c.high()),
              String.valueOf(c.p()),
              String.valueOf(report.adjusted(i)),
              mark,
              c.test()));
    }
    return new PaperTables.Table(
        FILE, caption(m, baseline, noun), header, rows, csvHeader, csvRows);
  }

  /** "*", "n/s", or "n/s: cannot separate ..." / "n/a: not testable ...". */
  static String mark(ComparisonReport report, int i) {
    FigureComparison c = report.rows().get(i);
    if (report.significant(i)) {
      return ComparisonReport.MARK;
    }
    if (c.tested()) {
      return "n/s";
    }
    return (c.note().startsWith("cannot separate") ? "n/s: " : "n/a: ") + c.note();
  }

  private String caption(Marks m, String baseline, String noun) {
    String rule =
        m.seeded()
            ? String.format(
                Locale.ROOT,
                "Every figure by a paired bootstrap over the test slices (%,d draws, seed %d) in"
                    + " which each %s's figure is the mean over its seeds, recomputed on each draw;"
                    + " the seeds are not resampled: the spread over seeds is Table 5's sd columns,"
                    + " not part of p.",
                resamples,
                seed,
                noun)
            : String.format(
                Locale.ROOT,
                "Accuracy by the exact McNemar test, the COVID-19-vs-rest AUC by DeLong's test,"
                    + " COCO segm AP50 and the paper's AP@0.5 by a paired bootstrap over slices"
                    + " (%,d draws, seed %d).",
                resamples,
                seed);
    return String.format(
        Locale.ROOT,
        "**Significance.** On each figure, each %s against %s, on the same test slices"
            + " (docs/how-to/compare-runs.md). %s * marks a difference significant at %.2f after"
            + " Holm's correction over the %d test(s) of this table; n/s: not shown to differ"
            + " (the interval says how large the difference may be); \"n/s: cannot separate\": so"
            + " few slices differ between the two that no outcome could reach p < 0.05, so the"
            + " test set does not rank them at all.",
        noun,
        baseline != null
            ? baseline + " (--baseline)"
            : "the best "
                + noun
                + " on that figure (on the paper's AP@0.5, not one scored on no slice with"
                + " lesions: Table 2's \"cannot rank\")",
        rule,
        ComparisonReport.ALPHA,
        m.report().family());
  }

  /**
   * The values that may be the best on figure {@code f}: on the paper's AP@0.5, a run with a seed
   * scored on no slice with lesions (it predicted nothing where there were lesions, so the paper's
   * rule scored it on empty slices only: Table 2's "cannot rank") does not compete.
   */
  private static Map<String, Double> competing(
      String f, Map<String, Double> values, Map<String, SeededRun> runs) {
    if (!f.equals(RunComparator.PAPER_AP50)) {
      return values;
    }
    Map<String, Double> out = new LinkedHashMap<>(values);
    out.replaceAll(
        (name, v) ->
            runs.get(name).seeds().stream().anyMatch(SignificanceTable::noLesionSliceScored)
                ? Double.NaN
                : v);
    return out;
  }

  /** Whether the paper's AP scored none of the slices with lesions (but some slice has them). */
  private static boolean noLesionSliceScored(EvaluatedRun r) {
    var seg = r.results().segmentation();
    return seg.stream().anyMatch(s -> s.lesions() > 0)
        && seg.stream().noneMatch(s -> s.lesions() > 0 && s.paperAp50() != null);
  }

  /** The name with the highest value (the first of equals); NaN values never win. */
  private static String best(Map<String, Double> values) {
    String best = null;
    double top = Double.NEGATIVE_INFINITY;
    for (Map.Entry<String, Double> e : values.entrySet()) {
      if (!Double.isNaN(e.getValue()) && (best == null || e.getValue() > top)) {
        best = e.getKey();
        top = e.getValue();
      }
    }
    return best != null ? best : values.keySet().iterator().next();
  }

  private static FigureComparison named(String run, FigureComparison c) {
    return new FigureComparison(
        run, c.figure(), c.baseline(), c.value(), c.low(), c.high(), c.p(), c.test(), c.note());
  }

  private static String number(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
  }

  private static String signed(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%+.3f", v);
  }
}
