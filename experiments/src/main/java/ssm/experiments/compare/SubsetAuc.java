package ssm.experiments.compare;

import java.util.Arrays;
import java.util.List;
import ssm.eval.ClassifiedSlice;

/**
 * The one-class-against-the-rest AUC on a multiset of slices (indices may repeat, as in a bootstrap
 * draw): the Mann-Whitney statistic, a tie counting one half, as DeLong's test computes it; NaN
 * without a positive or without a negative slice.
 */
final class SubsetAuc {
  private SubsetAuc() {}

  static double of(List<ClassifiedSlice> slices, int[] subset, int positiveClass) {
    int n = subset.length;
    double[][] scored = new double[n][];
    int positives = 0;
    for (int i = 0; i < n; i++) {
      ClassifiedSlice s = slices.get(subset[i]);
      boolean positive = s.trueClass() == positiveClass;
      positives += positive ? 1 : 0;
      scored[i] = new double[] {s.probabilities()[positiveClass], positive ? 1 : 0};
    }
    int negatives = n - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    Arrays.sort(scored, (a, b) -> Double.compare(a[0], b[0]));
    // each positive scores the negatives below it, and half of those tied with it
    double wins = 0;
    int negativesBelow = 0;
    int i = 0;
    while (i < n) {
      int j = i;
      int tiedPositives = 0;
      int tiedNegatives = 0;
      while (j < n && scored[j][0] == scored[i][0]) {
        if (scored[j][1] == 1) {
          tiedPositives++;
        } else {
          tiedNegatives++;
        }
        j++;
      }
      wins += tiedPositives * (negativesBelow + 0.5 * tiedNegatives);
      negativesBelow += tiedNegatives;
      i = j;
    }
    return wins / ((double) positives * negatives);
  }
}
