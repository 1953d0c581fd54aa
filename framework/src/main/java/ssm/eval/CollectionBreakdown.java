package ssm.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import ssm.data.ClassificationExample;
import ssm.data.LazyDataset;
import ssm.data.LazySubset;
import ssm.data.SegmentationExample;
import ssm.data.SliceCollection;

/**
 * Every figure of an evaluation, again per collection ({@link SliceCollection}), when a set holds
 * more than one: each collection's slices of the evaluated sets (those an evaluation with the same
 * {@link Evaluator.Options#limit} scores) evaluated alone. Pass the same {@link RecordingPredictor}
 * that served the whole evaluation, so that no slice is predicted twice.
 */
public final class CollectionBreakdown {
  private CollectionBreakdown() {}

  /**
   * The figures of each collection in name order; empty when each set's slices belong to one
   * collection (the whole evaluation says it all).
   *
   * @param segmentation the segmentation set, or null
   * @param classification the classification set, or null
   * @param limit the whole evaluation's {@link Evaluator.Options#limit}
   * @param lesionAreaScore the lesion area's score threshold
   */
  public static List<CollectionFigures> evaluate(
      SlicePredictor predictor,
      LazyDataset<SegmentationExample> segmentation,
      LazyDataset<ClassificationExample> classification,
      int limit,
      double lesionAreaScore) {
    Map<String, List<Integer>> seg = groups(segmentation, limit);
    Map<String, List<Integer>> cls = groups(classification, limit);
    List<CollectionFigures> out = new ArrayList<>();
    if (seg.size() < 2 && cls.size() < 2) {
      return out;
    }
    TreeSet<String> names = new TreeSet<>(seg.keySet());
    names.addAll(cls.keySet());
    Evaluator evaluator = new Evaluator(predictor, Evaluator.Options.quiet());
    for (String name : names) {
      Evaluation e =
          evaluator.evaluate(
              seg.containsKey(name) ? LazySubset.of(segmentation, seg.get(name)) : null,
              cls.containsKey(name) ? LazySubset.of(classification, cls.get(name)) : null);
      out.add(CollectionFigures.of(name, e, lesionAreaScore));
    }
    return out;
  }

  /**
   * Whether {@link #evaluate} will give figures per collection: a set holds more than one among the
   * slices scored (one source per set, e.g. MedSeg lesions and UCSD classes: the whole figures say
   * it all). A caller records predictions only then (they are kept in memory).
   */
  public static boolean applies(
      LazyDataset<SegmentationExample> segmentation,
      LazyDataset<ClassificationExample> classification,
      int limit) {
    return groups(segmentation, limit).size() > 1 || groups(classification, limit).size() > 1;
  }

  /** The indices the whole evaluation scores, by collection. */
  static Map<String, List<Integer>> groups(LazyDataset<?> data, int limit) {
    Map<String, List<Integer>> out = new TreeMap<>();
    if (data == null) {
      return out;
    }
    int n = limit == 0 ? data.size() : Math.min(limit, data.size());
    for (int i : Evaluator.subset(data.size(), n, Evaluator.SUBSET_SEED)) {
      out.computeIfAbsent(SliceCollection.of(data, i), k -> new ArrayList<>()).add(i);
    }
    return out;
  }
}
