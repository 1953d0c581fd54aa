package ssm.experiments.compare;

/**
 * One figure of one run against the baseline's, on the same slices.
 *
 * @param run the run compared
 * @param figure what is compared, e.g. "accuracy"
 * @param baseline the baseline's value
 * @param value the run's value
 * @param low lower end of the 95% interval of {@code value - baseline} (NaN if none)
 * @param high upper end
 * @param p the test's two-sided p-value; NaN where the test cannot be run or cannot separate the
 *     runs at all ({@link #note} says why)
 * @param test the test used, with what it rests on (e.g. "exact McNemar, 3 vs 5 discordant")
 * @param note why there is no p-value, or empty
 */
public record FigureComparison(
    String run,
    String figure,
    double baseline,
    double value,
    double low,
    double high,
    double p,
    String test,
    String note) {
  public double difference() {
    return value - baseline;
  }

  /** This comparison with its figure named as measured on {@code collection}'s slices only. */
  public FigureComparison within(String collection) {
    return new FigureComparison(
        run, figure + " (" + collection + ")", baseline, value, low, high, p, test, note);
  }

  /** Whether a p-value was computed (it then enters Holm's family). */
  public boolean tested() {
    return !Double.isNaN(p);
  }
}
