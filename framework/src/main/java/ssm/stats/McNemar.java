package ssm.stats;

import ssm.util.Check;

/**
 * The exact McNemar test of two classifiers on the same slices: of the discordant slices (right for
 * one, wrong for the other), {@code b} favour A and {@code c} favour B; under the null each
 * discordant slice goes either way with probability 1/2, so {@code p = min(1, 2 P(X <= min(b,
 * c)))}, {@code X ~ Bin(b + c, 1/2)}. Concordant slices carry no information about the difference.
 */
public final class McNemar {
  /**
   * The fewest discordant slices for which the most extreme split (all on one side) reaches p &lt;
   * 0.05: {@code 2 * 0.5^n < 0.05} first holds at n = 6 (2/64 = 0.031; n = 5 gives 2/32 = 0.0625).
   */
  public static final int MIN_DISCORDANT_FOR_5_PERCENT = 6;

  private McNemar() {}

  /**
   * The test's outcome.
   *
   * @param onlyA slices A got right and B wrong (b)
   * @param onlyB slices B got right and A wrong (c)
   * @param p the exact two-sided p-value (1 when there are no discordant slices)
   */
  public record Result(int onlyA, int onlyB, double p) {
    public int discordant() {
      return onlyA + onlyB;
    }

    /**
     * Whether any split of this many discordant slices could reach p &lt; 0.05; when not, the test
     * set cannot separate the two at all, whatever the split.
     */
    public boolean canReach5Percent() {
      return discordant() >= MIN_DISCORDANT_FOR_5_PERCENT;
    }
  }

  /** The test from the per-slice outcomes ({@code true}: right), paired by index. */
  public static Result test(boolean[] rightA, boolean[] rightB) {
    Check.that(
        rightA.length == rightB.length,
        "McNemar needs the same slices: %d outcomes against %d",
        rightA.length,
        rightB.length);
    int b = 0;
    int c = 0;
    for (int i = 0; i < rightA.length; i++) {
      if (rightA[i] && !rightB[i]) {
        b++;
      } else if (rightB[i] && !rightA[i]) {
        c++;
      }
    }
    return fromDiscordant(b, c);
  }

  /** The test from the discordant counts. */
  public static Result fromDiscordant(int b, int c) {
    Check.that(b >= 0 && c >= 0, "discordant counts must not be negative: b = %d, c = %d", b, c);
    int n = b + c;
    if (n == 0) {
      return new Result(b, c, 1);
    }
    // P(X <= k) summed in log space so that n in the thousands does not underflow the terms
    int k = Math.min(b, c);
    double logHalfPowN = n * Math.log(0.5);
    double tail = 0;
    double logChoose = 0; // log C(n, 0)
    for (int i = 0; i <= k; i++) {
      if (i > 0) {
        logChoose += Math.log(n - i + 1) - Math.log(i);
      }
      tail += Math.exp(logChoose + logHalfPowN);
    }
    return new Result(b, c, Math.min(1, 2 * tail));
  }
}
