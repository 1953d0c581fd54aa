package ssm.report;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import ssm.metrics.ConfidenceIntervals.Interval;

/** A 95% interval, written as {@code [low, high]}. */
public record Ci95(double low, double high) {

  /** From {@code [low, high]}. */
  @JsonCreator
  public static Ci95 of(double[] bounds) {
    if (bounds == null || bounds.length != 2) {
      throw new IllegalArgumentException(
          "a 95% interval is [low, high], got " + java.util.Arrays.toString(bounds));
    }
    return new Ci95(bounds[0], bounds[1]);
  }

  /** The interval, or null where it is undefined (nothing to estimate from). */
  public static Ci95 of(Interval i) {
    return i == null || !i.defined() ? null : new Ci95(i.low(), i.high());
  }

  @JsonValue
  double[] bounds() {
    return new double[] {low, high};
  }
}
