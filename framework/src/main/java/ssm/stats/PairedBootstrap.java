package ssm.stats;

import java.util.Arrays;
import java.util.SplittableRandom;
import ssm.util.Check;

/**
 * The paired bootstrap over test slices for any figure that can be recomputed on a multiset of
 * slices (AP, COCO AP50, accuracy...): each draw takes n slice indices with replacement and
 * evaluates BOTH runs on the same draw, so that what the slices have in common (an easy slice is
 * easy for both) cancels in the difference. The interval is the percentile interval of the drawn
 * differences; the p-value is twice the share of draws on the far side of zero, {@code min(1, 2 (1
 * + min(#{d <= 0}, #{d >= 0})) / (B + 1))} (the +1 keeps a finite number of draws from claiming p =
 * 0).
 */
public final class PairedBootstrap {
  /** Draws unless the caller says otherwise. */
  public static final int DEFAULT_RESAMPLES = 2000;

  private PairedBootstrap() {}

  /** A figure of a run on a multiset of slices (indices may repeat); NaN where undefined. */
  public interface SliceFigure {
    double of(int[] slices);
  }

  /**
   * The outcome.
   *
   * @param difference the figure of A minus that of B on all slices
   * @param low 2.5th percentile of the drawn differences
   * @param high 97.5th percentile
   * @param p two-sided bootstrap p-value of "no difference"
   * @param draws draws where both figures were defined (the others are left out)
   */
  public record Result(double difference, double low, double high, double p, int draws) {}

  /** Compares {@code a} and {@code b} over {@code slices} test slices. */
  public static Result compare(SliceFigure a, SliceFigure b, int slices, int resamples, long seed) {
    Check.that(slices > 0, "the paired bootstrap needs at least one slice, got %d", slices);
    Check.that(resamples > 0, "resamples = %d must be positive", resamples);
    int[] all = new int[slices];
    Arrays.setAll(all, i -> i);
    double observed = a.of(all) - b.of(all);
    SplittableRandom random = new SplittableRandom(seed);
    double[] d = new double[resamples];
    int defined = 0;
    int atOrBelow = 0;
    int atOrAbove = 0;
    int[] draw = new int[slices];
    for (int r = 0; r < resamples; r++) {
      for (int i = 0; i < slices; i++) {
        draw[i] = random.nextInt(slices);
      }
      double diff = a.of(draw) - b.of(draw);
      if (Double.isNaN(diff)) {
        continue;
      }
      d[defined++] = diff;
      atOrBelow += diff <= 0 ? 1 : 0;
      atOrAbove += diff >= 0 ? 1 : 0;
    }
    if (defined == 0) {
      return new Result(observed, Double.NaN, Double.NaN, Double.NaN, 0);
    }
    double[] sorted = Arrays.copyOf(d, defined);
    Arrays.sort(sorted);
    double p = Math.min(1, 2.0 * (1 + Math.min(atOrBelow, atOrAbove)) / (defined + 1));
    return new Result(observed, quantile(sorted, 0.025), quantile(sorted, 0.975), p, defined);
  }

  /**
   * Whether the bootstrap can reach p below {@code alpha} when only {@code differing} of the {@code
   * slices} slices differ between the two runs. A draw that misses every differing slice gives a
   * difference of exactly 0, which counts on both sides of zero; such draws make up {@code ((n - k)
   * / n)^n} of all draws on average, so p is at least twice that, whatever the differing slices
   * say.
   */
  public static boolean canReach(int slices, int differing, double alpha) {
    return 2 * missingAllShare(slices, differing) < alpha;
  }

  /**
   * The average share {@code ((n - k) / n)^n} of draws that miss all {@code differing} (k) of the
   * {@code slices} (n) slices; the bootstrap's p cannot fall below {@code min(1, 2 share)}.
   */
  public static double missingAllShare(int slices, int differing) {
    Check.that(
        slices > 0 && differing >= 0 && differing <= slices,
        "need 0 <= differing (%d) <= slices (%d), slices > 0",
        differing,
        slices);
    return Math.pow((slices - differing) / (double) slices, slices);
  }

  /** Linear interpolation between order statistics (numpy's default percentile). */
  static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }
}
