package ssm.experiments.compare;

import java.util.List;
import ssm.eval.ClassifiedSlice;
import ssm.metrics.ClassificationMetrics;

/**
 * The one-class-against-the-rest AUC on a multiset of slices (indices may repeat, as in a bootstrap
 * draw): {@link ClassificationMetrics#rocAuc} of the positive class's probability, a tie counting
 * one half, as DeLong's test computes it; NaN without a positive or without a negative slice.
 */
final class SubsetAuc {
  private SubsetAuc() {}

  static double of(List<ClassifiedSlice> slices, int[] subset, int positiveClass) {
    double[] scores = new double[subset.length];
    boolean[] positive = new boolean[subset.length];
    for (int i = 0; i < subset.length; i++) {
      ClassifiedSlice s = slices.get(subset[i]);
      scores[i] = s.probabilities()[positiveClass];
      positive[i] = s.trueClass() == positiveClass;
    }
    return ClassificationMetrics.rocAuc(scores, positive);
  }
}
