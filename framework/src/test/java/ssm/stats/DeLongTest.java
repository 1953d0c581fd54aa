package ssm.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DeLongTest {
  /**
   * Three positives and three negatives, by hand.
   *
   * <pre>
   * A: positives 0.9 0.8 0.4, negatives 0.7 0.3 0.2
   *    V10 (each positive against the 3 negatives) = 1, 1, 2/3        AUC_A = 8/9
   *    V01 (each negative: share of positives above) = 2/3, 1, 1      mean 8/9
   * B: positives 0.8 0.3 0.6, negatives 0.5 0.4 0.1
   *    V10 = 1, 1/3, 1                                                AUC_B = 7/9
   *    V01 = 2/3, 2/3, 1
   * S10 (divisor m - 1 = 2): deviations A (1, 1, -2)/9, B (2, -4, 2)/9
   *    var_A = 6/162 = 1/27, var_B = 24/162 = 4/27, cov = (2 - 4 - 4)/162 = -1/27
   * S01: deviations A (-2, 1, 1)/9, B (-1, -1, 2)/9
   *    var_A = 1/27, var_B = 6/162 = 1/27, cov = (2 - 1 + 2)/162 = 1/54
   * S = S10/3 + S01/3: var_A = 2/81, var_B = 5/81, cov = (-1/27 + 1/54)/3 = -1/162
   * Var(A - B) = 2/81 + 5/81 + 2/162 = 8/81;  z = (1/9) / (sqrt 8 / 9) = 1/sqrt 8 = 0.353553
   * p = erfc(z / sqrt 2) = 0.7236736098317631
   * </pre>
   */
  @Test
  void threePositivesThreeNegativesByHand() {
    boolean[] positive = {true, true, true, false, false, false};
    double[] a = {0.9, 0.8, 0.4, 0.7, 0.3, 0.2};
    double[] b = {0.8, 0.3, 0.6, 0.5, 0.4, 0.1};
    DeLong.Result r = DeLong.test(positive, a, b);
    assertEquals(8.0 / 9, r.aucA(), 1e-12);
    assertEquals(7.0 / 9, r.aucB(), 1e-12);
    assertEquals(8.0 / 81, r.variance(), 1e-12);
    assertEquals(1 / Math.sqrt(8), r.z(), 1e-12);
    assertEquals(0.7236736098317631, r.p(), 1e-7);
    assertEquals(3, r.positives());
    assertEquals(3, r.negatives());
  }

  /**
   * Ties count 1/2, and slices need not be sorted by class.
   *
   * <pre>
   * labels  +    -    +    -    +    -
   * A       0.5  0.5  0.9  0.1  0.2  0.3   (positives 0.5 0.9 0.2, negatives 0.5 0.1 0.3)
   *    V10 = (1/2 + 1 + 1)/3 = 5/6, (1 + 1 + 1)/3 = 1, (0 + 1 + 0)/3 = 1/3     AUC_A = 13/18
   *    V01 (negative 0.5: 1/2 + 1 + 0; 0.1: 1 + 1 + 1; 0.3: 1 + 1 + 0) / 3 = 1/2, 1, 2/3
   * B = A with the labels' order reversed in score: B = 1 - A
   *    AUC_B = 1 - AUC_A = 5/18, V10_B = 1 - V10_A, V01_B = 1 - V01_A
   * Then cov(A, B) = -var(A) in both parts, so Var(A - B) = 4 (var10/3 + var01/3):
   *    V10_A deviations (5/6, 1, 1/3) - 13/18 = (2, 5, -7)/18, sum of squares 78/324, var10 = 39/324
   *    V01_A deviations (1/2, 1, 2/3) - 13/18 = (-4, 5, -1)/18, sum of squares 42/324, var01 = 21/324
   *    Var = 4 (39 + 21) / (3 * 324) = 240/972 = 20/81;  diff = 8/18 = 4/9
   *    z = (4/9) / (sqrt 20 / 9) = 4 / sqrt 20 = 0.894427
   * </pre>
   */
  @Test
  void tiesCountHalf() {
    boolean[] positive = {true, false, true, false, true, false};
    double[] a = {0.5, 0.5, 0.9, 0.1, 0.2, 0.3};
    double[] b = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      b[i] = 1 - a[i];
    }
    DeLong.Result r = DeLong.test(positive, a, b);
    assertEquals(13.0 / 18, r.aucA(), 1e-12);
    assertEquals(5.0 / 18, r.aucB(), 1e-12);
    assertEquals(20.0 / 81, r.variance(), 1e-12);
    assertEquals(4 / Math.sqrt(20), r.z(), 1e-12);
    // erfc(0.894427 / sqrt 2) = 0.3710933695226...
    assertEquals(0.37109336952269756, r.p(), 1e-7);
  }

  /**
   * The same statistic by another route: Sun &amp; Xu's midrank formulation (IEEE Signal Processing
   * Letters 21(11), 2014, 1389-1393; the algorithm of pROC and of scikit-learn-style "fast DeLong"
   * code): {@code V10_i = (Tz_i - Tx_i) / n} and {@code V01_j = 1 - (Tz_j - Ty_j) / m}, with Tz the
   * midrank among all scores, Tx among the positives, Ty among the negatives. On random scores with
   * many ties both must give the same AUCs and variance.
   */
  @Test
  void agreesWithTheMidrankFormulation() {
    java.util.SplittableRandom r = new java.util.SplittableRandom(11);
    for (int trial = 0; trial < 50; trial++) {
      int size = 5 + r.nextInt(40);
      boolean[] positive = new boolean[size];
      double[] a = new double[size];
      double[] b = new double[size];
      for (int i = 0; i < size; i++) {
        positive[i] = i < 2 || (i >= 4 && r.nextBoolean()); // slices 2, 3 negative: >= 2 of each
        a[i] = r.nextInt(6) + (positive[i] ? 1 : 0); // few values: ties
        b[i] = r.nextInt(4) + (positive[i] ? 2 : 0);
      }
      double[] expected = midrankDeLong(positive, a, b);
      DeLong.Result d = DeLong.test(positive, a, b);
      assertEquals(expected[0], d.aucA(), 1e-12);
      assertEquals(expected[1], d.aucB(), 1e-12);
      assertEquals(expected[2], d.variance(), 1e-12);
    }
  }

  /** AUC A, AUC B and Var(A - B) by midranks. */
  private static double[] midrankDeLong(boolean[] positive, double[] a, double[] b) {
    int m = 0;
    for (boolean p : positive) {
      m += p ? 1 : 0;
    }
    int n = positive.length - m;
    double[][] v10 = new double[2][];
    double[][] v01 = new double[2][];
    double[] auc = new double[2];
    double[][] scores = {a, b};
    for (int k = 0; k < 2; k++) {
      double[] x = new double[m];
      double[] y = new double[n];
      int i = 0;
      int j = 0;
      for (int s = 0; s < positive.length; s++) {
        if (positive[s]) {
          x[i++] = scores[k][s];
        } else {
          y[j++] = scores[k][s];
        }
      }
      double[] z = new double[m + n];
      System.arraycopy(x, 0, z, 0, m);
      System.arraycopy(y, 0, z, m, n);
      double[] tx = midranks(x);
      double[] ty = midranks(y);
      double[] tz = midranks(z);
      v10[k] = new double[m];
      v01[k] = new double[n];
      double sum = 0;
      for (i = 0; i < m; i++) {
        v10[k][i] = (tz[i] - tx[i]) / n;
        sum += tz[i];
      }
      for (j = 0; j < n; j++) {
        v01[k][j] = 1 - (tz[m + j] - ty[j]) / m;
      }
      auc[k] = sum / ((double) m * n) - (m + 1.0) / (2.0 * n);
    }
    double var =
        (cov(v10[0], v10[0]) + cov(v10[1], v10[1]) - 2 * cov(v10[0], v10[1])) / m
            + (cov(v01[0], v01[0]) + cov(v01[1], v01[1]) - 2 * cov(v01[0], v01[1])) / n;
    return new double[] {auc[0], auc[1], var};
  }

  /** 1-based ranks, ties sharing their mean rank. */
  private static double[] midranks(double[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      int below = 0;
      int equal = 0;
      for (double w : v) {
        below += w < v[i] ? 1 : 0;
        equal += w == v[i] ? 1 : 0;
      }
      out[i] = below + (equal + 1) / 2.0;
    }
    return out;
  }

  private static double cov(double[] x, double[] y) {
    double mx = java.util.Arrays.stream(x).average().orElseThrow();
    double my = java.util.Arrays.stream(y).average().orElseThrow();
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += (x[i] - mx) * (y[i] - my);
    }
    return s / (x.length - 1);
  }

  @Test
  void identicalScoresGiveNoDifference() {
    boolean[] positive = {true, false, true, false};
    double[] a = {0.9, 0.2, 0.4, 0.6};
    DeLong.Result r = DeLong.test(positive, a, a.clone());
    assertEquals(0, r.difference());
    assertEquals(0, r.variance(), 1e-15);
    assertEquals(1.0, r.p());
  }

  @Test
  void tooFewOfAClassLeavesTheVarianceUndefined() {
    DeLong.Result r =
        DeLong.test(
            new boolean[] {true, false, false}, new double[] {0.9, 0.1, 0.2}, new double[3]);
    assertEquals(1.0, r.aucA());
    assertTrue(Double.isNaN(r.variance()) && Double.isNaN(r.p()));
  }

  @Test
  void rejectsScoresOfOtherSlices() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> DeLong.test(new boolean[2], new double[2], new double[3]));
    assertTrue(e.getMessage().contains("2 labels, 2 and 3 scores"), e.getMessage());
  }
}
