package ssm.stats;

import ssm.util.Check;

/**
 * DeLong, DeLong &amp; Clarke-Pearson (1988, Biometrics 44:837-845): the difference of two AUCs
 * read off the same slices, whose scores are correlated. Each AUC is the mean of Mann-Whitney
 * kernels {@code psi(x, y)} (1 if the positive scores higher, 1/2 on a tie, 0 otherwise); the
 * structural components {@code V10_i} (positive i against all negatives) and {@code V01_j}
 * (negative j against all positives) give the covariance {@code S = S10 / m + S01 / n} of the two
 * AUCs, and {@code z = (A - B) / sqrt(S_AA + S_BB - 2 S_AB)}. Plain O(m n): test sets are hundreds
 * of slices.
 */
public final class DeLong {
  private DeLong() {}

  /**
   * The test's outcome; variance and p are NaN with fewer than 2 positives or 2 negatives (no
   * covariance can be estimated).
   *
   * @param aucA AUC of the first scores
   * @param aucB AUC of the second scores
   * @param variance the variance of {@code aucA - aucB}
   * @param z {@code (aucA - aucB) / sqrt(variance)}
   * @param p two-sided normal p of z
   */
  public record Result(
      double aucA, double aucB, double variance, double z, double p, int positives, int negatives) {
    public double difference() {
      return aucA - aucB;
    }

    /** The 95% interval of the difference, {@code diff +- 1.96 sqrt(variance)}. */
    public double[] interval95() {
      double half = NormalDistribution.Z95 * Math.sqrt(variance);
      return new double[] {difference() - half, difference() + half};
    }
  }

  /**
   * The test of the scores {@code a} and {@code b} of the same slices ({@code positive[i]}: slice i
   * is of the positive class); a higher score means more positive.
   */
  public static Result test(boolean[] positive, double[] a, double[] b) {
    Check.that(
        positive.length == a.length && a.length == b.length,
        "DeLong needs one label and two scores per slice: %d labels, %d and %d scores",
        positive.length,
        a.length,
        b.length);
    int m = 0;
    for (boolean p : positive) {
      m += p ? 1 : 0;
    }
    int n = positive.length - m;
    double[][] v10 = new double[2][m];
    double[][] v01 = new double[2][n];
    double[][] scores = {a, b};
    for (int r = 0; r < 2; r++) {
      int i = 0;
      for (int x = 0; x < positive.length; x++) {
        if (!positive[x]) {
          continue;
        }
        int j = 0;
        for (int y = 0; y < positive.length; y++) {
          if (positive[y]) {
            continue;
          }
          double k = kernel(scores[r][x], scores[r][y]);
          v10[r][i] += k / n;
          v01[r][j] += k / m;
          j++;
        }
        i++;
      }
    }
    double aucA = m == 0 || n == 0 ? Double.NaN : mean(v10[0]);
    double aucB = m == 0 || n == 0 ? Double.NaN : mean(v10[1]);
    if (m < 2 || n < 2) {
      return new Result(aucA, aucB, Double.NaN, Double.NaN, Double.NaN, m, n);
    }
    double variance =
        (covariance(v10[0], v10[0]) + covariance(v10[1], v10[1]) - 2 * covariance(v10[0], v10[1]))
                / m
            + (covariance(v01[0], v01[0])
                    + covariance(v01[1], v01[1])
                    - 2 * covariance(v01[0], v01[1]))
                / n;
    double diff = aucA - aucB;
    double z;
    if (variance > 0) {
      z = diff / Math.sqrt(variance);
    } else {
      z = diff == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, diff); // no spread at all
    }
    double p = Double.isInfinite(z) ? 0 : NormalDistribution.twoSidedP(z);
    return new Result(aucA, aucB, variance, z, p, m, n);
  }

  /** The Mann-Whitney kernel of a positive's score against a negative's. */
  static double kernel(double positive, double negative) {
    return positive > negative ? 1 : positive == negative ? 0.5 : 0;
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  /** The sample covariance (divisor n - 1). */
  private static double covariance(double[] x, double[] y) {
    double mx = mean(x);
    double my = mean(y);
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += (x[i] - mx) * (y[i] - my);
    }
    return s / (x.length - 1);
  }
}
