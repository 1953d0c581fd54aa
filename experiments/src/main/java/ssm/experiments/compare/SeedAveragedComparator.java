package ssm.experiments.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;
import ssm.eval.ClassifiedSlice;
import ssm.slices.SegmentedSlice;
import ssm.slices.SubsetFigures;
import ssm.stats.PairedBootstrap;

/**
 * Compares two runs trained with several seeds each: a paired bootstrap over the test slices in
 * which each run's figure, on every draw, is the mean of its seeds' figures on the drawn slices.
 * The slices are the unit resampled (all seeds of both runs saw the same slices); the seeds are not
 * resampled, so the test asks whether the runs' seed-averaged figures differ on this test set, and
 * the spread over seeds is reported beside it (the seed table's sd), not folded into p.
 *
 * <p>Every figure (accuracy, COVID-19-vs-rest AUC, COCO segm AP50, paper AP@0.5) is tested this
 * way; no p is given where the runs differ on so few slices that draws missing all of them keep p
 * at 0.05 or above ({@link PairedBootstrap#canReach}).
 *
 * @param resamples bootstrap draws
 * @param seed bootstrap seed
 */
public record SeedAveragedComparator(int resamples, long seed) {

  /** Every seed's slices in the order of {@code reference}'s (its ground truth checked). */
  record Aligned(
      List<List<SegmentedSlice>> segmentation, List<List<ClassifiedSlice>> classification) {
    static Aligned of(EvaluatedRun reference, SeededRun run) {
      List<List<SegmentedSlice>> seg = new ArrayList<>();
      List<List<ClassifiedSlice>> cls = new ArrayList<>();
      for (EvaluatedRun r : run.seeds()) {
        PairedSlices p = PairedSlices.of(reference, r);
        seg.add(p.otherSegmentation());
        cls.add(p.otherClassification());
      }
      return new Aligned(seg, cls);
    }
  }

  /**
   * The run's figures on all slices (each the mean over its seeds), by name, in the order of {@link
   * #compare}; {@code reference} gives the slice order.
   */
  public static java.util.Map<String, Double> values(EvaluatedRun reference, SeededRun run) {
    Aligned a = Aligned.of(reference, run);
    java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
    int positive = reference.results().classes().size() - 1;
    if (!reference.results().classification().isEmpty()) {
      int[] all = RunComparator.allSlices(reference.results().classification().size());
      out.put(RunComparator.ACCURACY, mean(a.classification(), SubsetFigures::accuracy, all));
      out.put(
          RunComparator.AUC,
          mean(a.classification(), (list, s) -> SubsetAuc.of(list, s, positive), all));
    }
    if (!reference.results().segmentation().isEmpty()) {
      int[] all = RunComparator.allSlices(reference.results().segmentation().size());
      out.put(RunComparator.COCO_AP50, mean(a.segmentation(), SubsetFigures::cocoAp50, all));
      out.put(RunComparator.PAPER_AP50, mean(a.segmentation(), SubsetFigures::paperAp50, all));
    }
    return out;
  }

  /** The figures of {@code other} against {@code baseline}; parts they lack are left out. */
  public List<FigureComparison> compare(SeededRun baseline, SeededRun other) {
    EvaluatedRun reference = baseline.seeds().get(0);
    Aligned a = Aligned.of(reference, baseline);
    Aligned b = Aligned.of(reference, other);
    List<FigureComparison> rows = new ArrayList<>();
    int positive = reference.results().classes().size() - 1;
    if (!reference.results().classification().isEmpty()) {
      rows.add(
          figure(
              other,
              baseline,
              RunComparator.ACCURACY,
              a.classification(),
              b.classification(),
              SubsetFigures::accuracy,
              // a slice adds its seeds' mean correctness to the seed-averaged accuracy
              seeds -> seeds.stream().mapToDouble(s -> s.right() ? 1 : 0).average().orElse(0)));
      rows.add(
          figure(
              other,
              baseline,
              RunComparator.AUC,
              a.classification(),
              b.classification(),
              (list, subset) -> SubsetAuc.of(list, subset, positive),
              seeds ->
                  shares(seeds.stream().map(s -> (Object) s.probabilities()[positive]).toList())));
    }
    if (!reference.results().segmentation().isEmpty()) {
      rows.add(
          figure(
              other,
              baseline,
              RunComparator.COCO_AP50,
              a.segmentation(),
              b.segmentation(),
              SubsetFigures::cocoAp50,
              seeds -> shares(seeds.stream().map(s -> (Object) s.detections()).toList())));
      rows.add(
          figure(
              other,
              baseline,
              RunComparator.PAPER_AP50,
              a.segmentation(),
              b.segmentation(),
              SubsetFigures::paperAp50,
              seeds -> shares(seeds.stream().map(s -> (Object) s.paperAp50()).toList())));
    }
    return rows;
  }

  /**
   * One figure by the seed-averaged paired bootstrap.
   *
   * @param outcome what of a slice's seeds the figure depends on: a slice differs between the runs
   *     where its outcomes differ
   */
  private <T> FigureComparison figure(
      SeededRun other,
      SeededRun baseline,
      String name,
      List<List<T>> base,
      List<List<T>> mine,
      BiFunction<List<T>, int[], Double> figure,
      Function<List<T>, Object> outcome) {
    int n = base.get(0).size();
    PairedBootstrap.SliceFigure value = s -> mean(mine, figure, s);
    PairedBootstrap.SliceFigure reference = s -> mean(base, figure, s);
    int[] all = RunComparator.allSlices(n);
    double baseValue = reference.of(all);
    double myValue = value.of(all);
    String test =
        String.format(
            Locale.ROOT,
            "paired bootstrap over %d slices of the mean over seeds (%d vs %d seeds), %d draws,"
                + " seed %d",
            n,
            other.seeds().size(),
            baseline.seeds().size(),
            resamples,
            seed);
    if (Double.isNaN(baseValue) || Double.isNaN(myValue)) {
      return new FigureComparison(
          other.name(),
          name,
          baseValue,
          myValue,
          Double.NaN,
          Double.NaN,
          Double.NaN,
          test,
          "not testable: the figure is undefined on these slices");
    }
    int differing = 0;
    for (int i = 0; i < n; i++) {
      differing += outcomes(base, i, outcome).equals(outcomes(mine, i, outcome)) ? 0 : 1;
    }
    PairedBootstrap.Result r = PairedBootstrap.compare(value, reference, n, resamples, seed);
    if (!PairedBootstrap.canReach(n, differing, ComparisonReport.ALPHA)) {
      return new FigureComparison(
          other.name(),
          name,
          baseValue,
          myValue,
          r.low(),
          r.high(),
          Double.NaN,
          test,
          String.format(
              Locale.ROOT,
              "cannot separate: the runs' seeds differ on %d of %d slice(s); draws missing all of"
                  + " them keep p at %.2f or above",
              differing,
              n,
              Math.min(1, 2 * PairedBootstrap.missingAllShare(n, differing))));
    }
    return new FigureComparison(
        other.name(), name, baseValue, myValue, r.low(), r.high(), r.p(), test, "");
  }

  /** The mean over seeds of {@code figure} on {@code subset}; NaN if any seed's is undefined. */
  private static <T> double mean(
      List<List<T>> seeds, BiFunction<List<T>, int[], Double> figure, int[] subset) {
    double sum = 0;
    for (List<T> s : seeds) {
      sum += figure.apply(s, subset);
    }
    return sum / seeds.size();
  }

  /**
   * Each outcome's share of the seeds: two runs whose seeds give the same outcomes in the same
   * shares have the same seed-averaged figure on every draw, whatever their numbers of seeds.
   */
  static java.util.Map<Object, Double> shares(List<Object> outcomes) {
    java.util.Map<Object, Double> out = new java.util.HashMap<>();
    outcomes.forEach(o -> out.merge(o, 1.0 / outcomes.size(), Double::sum));
    return out;
  }

  private static <T> Object outcomes(
      List<List<T>> seeds, int i, Function<List<T>, Object> outcome) {
    List<T> slice = new ArrayList<>();
    seeds.forEach(s -> slice.add(s.get(i)));
    return outcome.apply(slice);
  }
}
