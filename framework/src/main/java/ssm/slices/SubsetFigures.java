package ssm.slices;

import java.util.ArrayList;
import java.util.List;
import ssm.eval.ClassifiedSlice;
import ssm.metrics.CocoEvaluator;

/**
 * The figures of a run recomputed on a multiset of its slices (indices may repeat, as in a
 * bootstrap draw): the same numbers as metrics.json when given every slice once, in order. NaN
 * where the figure is undefined on the subset.
 */
public final class SubsetFigures {
  private static final double EPS = Math.ulp(1.0); // np.spacing(1), as COCOeval

  private SubsetFigures() {}

  /** Share of the classification slices called right. */
  public static double accuracy(List<ClassifiedSlice> slices, int[] subset) {
    if (subset.length == 0) {
      return Double.NaN;
    }
    int right = 0;
    for (int i : subset) {
      right += slices.get(i).right() ? 1 : 0;
    }
    return right / (double) subset.length;
  }

  /** The paper's mask AP@0.5: the mean of the per-slice values over the slices the paper scores. */
  public static double paperAp50(List<SegmentedSlice> slices, int[] subset) {
    double sum = 0;
    int scored = 0;
    for (int i : subset) {
      Double v = slices.get(i).paperAp50();
      if (v != null) {
        sum += v;
        scored++;
      }
    }
    return scored == 0 ? Double.NaN : sum / scored;
  }

  /**
   * COCO segm AP50 (maxDets 100, area all) as COCOeval accumulates it: the drawn slices' detections
   * concatenated in draw order, sorted by descending score (stable), true and false positives
   * counted down the list against all the drawn lesions, the precision made monotone from the right
   * and read at the 101 recall thresholds.
   */
  public static double cocoAp50(List<SegmentedSlice> slices, int[] subset) {
    List<ScoredDetection> all = new ArrayList<>();
    int lesions = 0;
    for (int i : subset) {
      SegmentedSlice s = slices.get(i);
      all.addAll(s.detections());
      lesions += s.lesions();
    }
    if (lesions == 0) {
      return Double.NaN; // COCOeval's -1: no ground truth to recall
    }
    all.sort((x, y) -> Double.compare(y.score(), x.score())); // stable, like mergesort
    int n = all.size();
    double[] recall = new double[n];
    double[] precision = new double[n];
    double tp = 0;
    double fp = 0;
    for (int j = 0; j < n; j++) {
      if (all.get(j).matched()) {
        tp++;
      } else {
        fp++;
      }
      recall[j] = tp / lesions;
      precision[j] = tp / (fp + tp + EPS);
    }
    for (int j = n - 1; j > 0; j--) {
      precision[j - 1] = Math.max(precision[j - 1], precision[j]);
    }
    double[] thresholds = CocoEvaluator.RECALL_THRESHOLDS;
    double sum = 0;
    int at = 0;
    for (double r : thresholds) {
      while (at < n && recall[at] < r) { // searchsorted, side='left'
        at++;
      }
      sum += at < n ? precision[at] : 0;
    }
    return sum / thresholds.length;
  }
}
