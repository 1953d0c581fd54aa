package ssm.stats;

/** The standard normal distribution's tail, for z statistics. */
public final class NormalDistribution {
  /** The normal quantile of a two-sided 95% interval. */
  public static final double Z95 = 1.959963984540054;

  private NormalDistribution() {}

  /** {@code P(|Z| >= |z|)} for a standard normal Z; 1 at z = 0, NaN for NaN. */
  public static double twoSidedP(double z) {
    if (Double.isNaN(z)) {
      return Double.NaN;
    }
    return Math.min(1, erfc(Math.abs(z) / Math.sqrt(2)));
  }

  /**
   * The complementary error function, with relative error below 1.2e-7 everywhere (Numerical
   * Recipes' Chebyshev fit, {@code erfcc}); a relative error keeps tiny p-values meaningful, which
   * {@code 1 - erf} would not.
   */
  public static double erfc(double x) {
    double z = Math.abs(x);
    double t = 1 / (1 + 0.5 * z);
    double poly =
        -z * z
            - 1.26551223
            + t
                * (1.00002368
                    + t
                        * (0.37409196
                            + t
                                * (0.09678418
                                    + t
                                        * (-0.18628806
                                            + t
                                                * (0.27886807
                                                    + t
                                                        * (-1.13520398
                                                            + t
                                                                * (1.48851587
                                                                    + t
                                                                        * (-0.82215223
                                                                            + t
                                                                                * 0.17087277))))))));
    double r = t * Math.exp(poly);
    return x >= 0 ? r : 2 - r;
  }
}
