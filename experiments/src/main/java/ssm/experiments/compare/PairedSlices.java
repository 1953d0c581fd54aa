package ssm.experiments.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.IntStream;
import ssm.eval.ClassifiedSlice;
import ssm.slices.SegmentedSlice;

/**
 * Two runs' slices paired by file name, the second run's in the first run's order. Runs evaluated
 * on different slices, or on the same slices with a different ground truth, cannot be compared
 * slice by slice: that is an error naming both runs and the slices that differ.
 */
public record PairedSlices(
    List<SegmentedSlice> baselineSegmentation,
    List<SegmentedSlice> otherSegmentation,
    List<ClassifiedSlice> baselineClassification,
    List<ClassifiedSlice> otherClassification) {

  /** Shown at most this many differing slice names in an error. */
  private static final int NAMES_SHOWN = 5;

  public static PairedSlices of(EvaluatedRun baseline, EvaluatedRun other) {
    List<SegmentedSlice> seg =
        align(
            "segmentation",
            baseline,
            baseline.results().segmentation(),
            other,
            other.results().segmentation(),
            SegmentedSlice::slice);
    for (int i = 0; i < seg.size(); i++) {
      SegmentedSlice a = baseline.results().segmentation().get(i);
      SegmentedSlice b = seg.get(i);
      if (a.lesions() != b.lesions()) {
        throw new IllegalArgumentException(
            String.format(
                "%s has %d lesion(s) in %s but %d in %s: the runs were not evaluated on the same"
                    + " ground truth",
                a.slice(), a.lesions(), baseline.name(), b.lesions(), other.name()));
      }
    }
    List<ClassifiedSlice> cls =
        align(
            "classification",
            baseline,
            baseline.results().classification(),
            other,
            other.results().classification(),
            ClassifiedSlice::slice);
    for (int i = 0; i < cls.size(); i++) {
      ClassifiedSlice a = baseline.results().classification().get(i);
      ClassifiedSlice b = cls.get(i);
      if (a.trueClass() != b.trueClass()) {
        throw new IllegalArgumentException(
            String.format(
                "%s is of class %d in %s but %d in %s: the runs were not evaluated on the same"
                    + " labels",
                a.slice(), a.trueClass(), baseline.name(), b.trueClass(), other.name()));
      }
    }
    return new PairedSlices(
        baseline.results().segmentation(), seg, baseline.results().classification(), cls);
  }

  /**
   * The collections of the paired slices as the baseline's evaluation recorded them (a split file's
   * seventh column, else the file name's), in alphabetical order.
   */
  public List<String> collections() {
    TreeSet<String> names = new TreeSet<>();
    baselineSegmentation.forEach(s -> names.add(s.collection()));
    baselineClassification.forEach(s -> names.add(s.collection()));
    return List.copyOf(names);
  }

  /** The pairs whose slice belongs to {@code collection} (see {@link #collections}). */
  public PairedSlices within(String collection) {
    int[] seg = positionsIn(baselineSegmentation, SegmentedSlice::collection, collection);
    int[] cls = positionsIn(baselineClassification, ClassifiedSlice::collection, collection);
    return new PairedSlices(
        pick(baselineSegmentation, seg),
        pick(otherSegmentation, seg),
        pick(baselineClassification, cls),
        pick(otherClassification, cls));
  }

  /** The positions in {@code slices} of the slices of {@code collection}. */
  private static <T> int[] positionsIn(
      List<T> slices, Function<T, String> collectionOf, String collection) {
    return IntStream.range(0, slices.size())
        .filter(i -> collectionOf.apply(slices.get(i)).equals(collection))
        .toArray();
  }

  private static <T> List<T> pick(List<T> list, int[] positions) {
    return Arrays.stream(positions).mapToObj(list::get).toList();
  }

  /** The other run's slices in the baseline's order; an error unless both hold the same names. */
  private static <T> List<T> align(
      String part,
      EvaluatedRun baseline,
      List<T> base,
      EvaluatedRun other,
      List<T> theirs,
      Function<T, String> name) {
    Map<String, T> byName = index(part, other, theirs, name);
    Map<String, T> baseByName = index(part, baseline, base, name);
    TreeSet<String> onlyBase = new TreeSet<>(baseByName.keySet());
    onlyBase.removeAll(byName.keySet());
    TreeSet<String> onlyOther = new TreeSet<>(byName.keySet());
    onlyOther.removeAll(baseByName.keySet());
    if (!onlyBase.isEmpty() || !onlyOther.isEmpty()) {
      throw new IllegalArgumentException(
          String.format(
              "%s and %s were not evaluated on the same %s slices: %d only in %s%s, %d only in %s%s",
              baseline.name(),
              other.name(),
              part,
              onlyBase.size(),
              baseline.name(),
              sample(onlyBase),
              onlyOther.size(),
              other.name(),
              sample(onlyOther)));
    }
    List<T> out = new ArrayList<>(base.size());
    for (T t : base) {
      out.add(byName.get(name.apply(t)));
    }
    return out;
  }

  private static <T> Map<String, T> index(
      String part, EvaluatedRun run, List<T> slices, Function<T, String> name) {
    Map<String, T> byName = new HashMap<>();
    for (T t : slices) {
      if (byName.put(name.apply(t), t) != null) {
        throw new IllegalArgumentException(
            String.format(
                "%s: the %s slice %s appears twice; slices are paired by file name",
                run.name(), part, name.apply(t)));
      }
    }
    return byName;
  }

  private static String sample(TreeSet<String> names) {
    if (names.isEmpty()) {
      return "";
    }
    List<String> shown = new ArrayList<>(names).subList(0, Math.min(NAMES_SHOWN, names.size()));
    return " (" + String.join(", ", shown) + (names.size() > NAMES_SHOWN ? ", ..." : "") + ")";
  }
}
