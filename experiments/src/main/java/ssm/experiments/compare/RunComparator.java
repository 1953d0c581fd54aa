package ssm.experiments.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import ssm.eval.ClassifiedSlice;
import ssm.slices.SegmentedSlice;
import ssm.slices.SubsetFigures;
import ssm.stats.DeLong;
import ssm.stats.McNemar;
import ssm.stats.NormalDistribution;
import ssm.stats.PairedBootstrap;

/**
 * Compares one run with the baseline on their common slices, each figure by the standard paired
 * test for it: accuracy by the exact McNemar test, the COVID-19-vs-rest AUC by DeLong's test, COCO
 * segm AP50 and the paper's AP@0.5 by the paired bootstrap over slices.
 *
 * @param resamples bootstrap draws
 * @param seed bootstrap seed: the same runs and seed give the same intervals
 */
public record RunComparator(int resamples, long seed) {
  public static final String ACCURACY = "accuracy";
  public static final String AUC = "COVID-19-vs-rest AUC";
  public static final String COCO_AP50 = "COCO segm AP50";
  public static final String PAPER_AP50 = "paper AP@0.5";

  /** The figures of {@code other} against {@code baseline}; parts either run lacks are left out. */
  public List<FigureComparison> compare(EvaluatedRun baseline, EvaluatedRun other) {
    return compare(PairedSlices.of(baseline, other), other.name(), positiveClass(baseline));
  }

  /**
   * The figures of {@code other} against {@code baseline} within each collection of their slices
   * ({@link PairedSlices#collections}), each figure named with its collection: a model may differ
   * from another on one source's CT and not on another's.
   */
  public List<FigureComparison> compareByCollection(EvaluatedRun baseline, EvaluatedRun other) {
    PairedSlices pairs = PairedSlices.of(baseline, other);
    List<FigureComparison> rows = new ArrayList<>();
    for (String collection : pairs.collections()) {
      for (FigureComparison row :
          compare(pairs.within(collection), other.name(), positiveClass(baseline))) {
        rows.add(row.within(collection));
      }
    }
    return rows;
  }

  /** The last class (COVID-19), the positive one of the AUC. */
  private static int positiveClass(EvaluatedRun run) {
    return run.results().classes().size() - 1;
  }

  private List<FigureComparison> compare(PairedSlices pairs, String other, int positiveClass) {
    List<FigureComparison> rows = new ArrayList<>();
    if (!pairs.baselineClassification().isEmpty()) {
      rows.add(accuracy(other, pairs));
      rows.add(auc(other, pairs, positiveClass));
    }
    if (!pairs.baselineSegmentation().isEmpty()) {
      List<SegmentedSlice> a = pairs.baselineSegmentation();
      List<SegmentedSlice> b = pairs.otherSegmentation();
      int detectionsDiffer = 0;
      int paperDiffers = 0;
      for (int i = 0; i < a.size(); i++) {
        detectionsDiffer += a.get(i).detections().equals(b.get(i).detections()) ? 0 : 1;
        paperDiffers += Objects.equals(a.get(i).paperAp50(), b.get(i).paperAp50()) ? 0 : 1;
      }
      rows.add(
          bootstrap(
              other,
              COCO_AP50,
              s -> SubsetFigures.cocoAp50(b, s),
              s -> SubsetFigures.cocoAp50(a, s),
              a.size(),
              detectionsDiffer));
      rows.add(
          bootstrap(
              other,
              PAPER_AP50,
              s -> SubsetFigures.paperAp50(b, s),
              s -> SubsetFigures.paperAp50(a, s),
              a.size(),
              paperDiffers));
    }
    return rows;
  }

  /**
   * McNemar's exact p; the interval is the Wald interval of a paired difference of proportions,
   * {@code (b - c)/n +- 1.96 sqrt(b + c - (b - c)^2 / n) / n}, clipped to [-1, 1].
   */
  static FigureComparison accuracy(String run, PairedSlices pairs) {
    List<ClassifiedSlice> base = pairs.baselineClassification();
    List<ClassifiedSlice> other = pairs.otherClassification();
    int n = base.size();
    boolean[] rightBase = new boolean[n];
    boolean[] rightOther = new boolean[n];
    for (int i = 0; i < n; i++) {
      rightBase[i] = base.get(i).right();
      rightOther[i] = other.get(i).right();
    }
    McNemar.Result m = McNemar.test(rightOther, rightBase);
    int[] all = allSlices(n);
    int b = m.onlyA();
    int c = m.onlyB();
    double half = NormalDistribution.Z95 * Math.sqrt(b + c - (double) (b - c) * (b - c) / n) / n;
    double diff = (b - c) / (double) n;
    String test =
        String.format(
            Locale.ROOT,
            "exact McNemar: %d slice(s) only this run got right, %d only the baseline",
            b,
            c);
    boolean separable = m.canReach5Percent();
    return new FigureComparison(
        run,
        ACCURACY,
        SubsetFigures.accuracy(base, all),
        SubsetFigures.accuracy(other, all),
        Math.max(-1, diff - half), // a difference of two shares lies in [-1, 1]
        Math.min(1, diff + half),
        separable ? m.p() : Double.NaN,
        test,
        separable
            ? ""
            : String.format(
                Locale.ROOT,
                "cannot separate: %d discordant slice(s); even all on one side needs %d for p < 0.05",
                m.discordant(),
                McNemar.MIN_DISCORDANT_FOR_5_PERCENT));
  }

  /** DeLong's test of the probability of the last class (COVID-19) against the rest. */
  static FigureComparison auc(String run, PairedSlices pairs, int positiveClass) {
    List<ClassifiedSlice> base = pairs.baselineClassification();
    List<ClassifiedSlice> other = pairs.otherClassification();
    int n = base.size();
    boolean[] positive = new boolean[n];
    double[] scoreBase = new double[n];
    double[] scoreOther = new double[n];
    for (int i = 0; i < n; i++) {
      positive[i] = base.get(i).trueClass() == positiveClass;
      scoreBase[i] = base.get(i).probabilities()[positiveClass];
      scoreOther[i] = other.get(i).probabilities()[positiveClass];
    }
    DeLong.Result d = DeLong.test(positive, scoreOther, scoreBase);
    String test =
        String.format(
            Locale.ROOT, "DeLong: %d positive, %d negative slice(s)", d.positives(), d.negatives());
    if (Double.isNaN(d.p())) {
      return new FigureComparison(
          run,
          AUC,
          d.aucB(),
          d.aucA(),
          Double.NaN,
          Double.NaN,
          Double.NaN,
          test,
          "not testable: DeLong needs at least 2 positive and 2 negative slices");
    }
    double[] ci = d.interval95();
    return new FigureComparison(run, AUC, d.aucB(), d.aucA(), ci[0], ci[1], d.p(), test, "");
  }

  /**
   * The paired bootstrap; no p-value where so few slices differ between the runs ({@code
   * differing}) that the draws missing all of them keep p at 0.05 or above
   * (PairedBootstrap#canReach).
   */
  private FigureComparison bootstrap(
      String run,
      String figure,
      PairedBootstrap.SliceFigure value,
      PairedBootstrap.SliceFigure baseline,
      int slices,
      int differing) {
    int[] all = allSlices(slices);
    double base = baseline.of(all);
    double mine = value.of(all);
    if (Double.isNaN(base) || Double.isNaN(mine)) {
      return new FigureComparison(
          run,
          figure,
          base,
          mine,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          "paired bootstrap",
          "not testable: the figure is undefined on these slices");
    }
    PairedBootstrap.Result r = PairedBootstrap.compare(value, baseline, slices, resamples, seed);
    String test =
        String.format(
            Locale.ROOT,
            "paired bootstrap over %d slices, %d draws, seed %d",
            slices,
            r.draws(),
            seed);
    if (!PairedBootstrap.canReach(slices, differing, ComparisonReport.ALPHA)) {
      return new FigureComparison(
          run,
          figure,
          base,
          mine,
          r.low(),
          r.high(),
          Double.NaN,
          test,
          String.format(
              Locale.ROOT,
              "cannot separate: the runs differ on %d of %d slice(s); draws missing all of them"
                  + " (%.0f%% on average) keep p at %.2f or above",
              differing,
              slices,
              100 * PairedBootstrap.missingAllShare(slices, differing),
              Math.min(1, 2 * PairedBootstrap.missingAllShare(slices, differing))));
    }
    return new FigureComparison(run, figure, base, mine, r.low(), r.high(), r.p(), test, "");
  }

  /** The indices 0 .. n - 1: every slice once. */
  static int[] allSlices(int n) {
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    return all;
  }
}
