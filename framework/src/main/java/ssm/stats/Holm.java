package ssm.stats;

import java.util.Arrays;
import java.util.Comparator;
import ssm.util.Check;

/**
 * Holm's step-down correction (Holm 1979) of a family of p-values: sorted ascending, the i-th
 * smallest (0-based) is multiplied by {@code m - i}, the products made non-decreasing by a running
 * maximum and capped at 1. Rejecting where the adjusted p is below alpha controls the chance of any
 * false rejection at alpha, with no assumption on how the tests depend on each other.
 */
public final class Holm {
  private Holm() {}

  /** The adjusted p-values, in the order given; NaN entries stay NaN and do not count in m. */
  public static double[] adjust(double[] p) {
    Integer[] defined =
        java.util.stream.IntStream.range(0, p.length)
            .filter(i -> !Double.isNaN(p[i]))
            .boxed()
            .toArray(Integer[]::new);
    for (int i : defined) {
      Check.that(p[i] >= 0 && p[i] <= 1, "p-value %d is %s, not in [0, 1]", i, p[i]);
    }
    Arrays.sort(defined, Comparator.comparingDouble(i -> p[i]));
    double[] adjusted = new double[p.length];
    Arrays.fill(adjusted, Double.NaN);
    int m = defined.length;
    double running = 0;
    for (int r = 0; r < m; r++) {
      running = Math.max(running, Math.min(1, (m - r) * p[defined[r]]));
      adjusted[defined[r]] = running;
    }
    return adjusted;
  }
}
