package ssm.targets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.types.TInt64;
import ssm.testing.GraphFixture;

class BalancedSamplerTest {
  /** {@code pos} ones, {@code neg} zeros, {@code ignored} minus ones, interleaved. */
  private static int[] labels(int pos, int neg, int ignored) {
    int[] l = new int[pos + neg + ignored];
    int i = 0;
    for (int k = 0; i < l.length; k++) {
      if (k < pos) {
        l[i++] = 1;
      }
      if (k < neg) {
        l[i++] = 0;
      }
      if (k < ignored) {
        l[i++] = -1;
      }
    }
    return l;
  }

  private static int[][] sample(BalancedSampler s, int[] labels, long seed) {
    try (GraphFixture g = new GraphFixture()) {
      Operand<TInt64> seedOp = g.tf().constant(new long[] {seed, 7});
      BalancedSampler.Sample out = s.sample(g.tf(), g.tf().constant(labels), seedOp);
      return new int[][] {g.fetchInts(out.positive()), g.fetchInts(out.negative())};
    }
  }

  @Test
  void fewPositivesLeaveTheRestToNegatives() {
    // 10 positives, 1000 negatives, 50 ignored; 256 at <= 50%: numPos = min(10, 128) = 10,
    // numNeg = min(1000, 256 - 10) = 246
    int[] l = labels(10, 1000, 50);
    int[][] s = sample(new BalancedSampler(256, 0.5f), l, 1);
    assertEquals(10, s[0].length);
    assertEquals(246, s[1].length);
    Arrays.stream(s[0]).forEach(i -> assertEquals(1, l[i]));
    Arrays.stream(s[1]).forEach(i -> assertEquals(0, l[i]));
    assertEquals(246, Arrays.stream(s[1]).distinct().count());
  }

  @Test
  void manyPositivesAreCappedAtTheFraction() {
    // 300 positives, 40 negatives; 512 at <= 25%: numPos = min(300, int(128.0)) = 128,
    // numNeg = min(40, 512 - 128) = 40
    int[] l = labels(300, 40, 0);
    int[][] s = sample(new BalancedSampler(512, 0.25f), l, 1);
    assertEquals(128, s[0].length);
    assertEquals(40, s[1].length);
    assertEquals(128, Arrays.stream(s[0]).distinct().count());
    Arrays.stream(s[0]).forEach(i -> assertEquals(1, l[i]));
  }

  @Test
  void sameSeedSameSampleOtherSeedOtherSample() {
    int[] l = labels(300, 1000, 0);
    BalancedSampler s = new BalancedSampler(256, 0.5f);
    int[][] a = sample(s, l, 1);
    int[][] b = sample(s, l, 1);
    int[][] c = sample(s, l, 2);
    assertArrayEquals(a[0], b[0]);
    assertArrayEquals(a[1], b[1]);
    assertFalse(Arrays.equals(a[0], c[0]));
  }

  @Test
  void nothingLabelledSamplesNothing() {
    int[][] s = sample(new BalancedSampler(256, 0.5f), new int[] {-1, -1}, 1);
    assertEquals(0, s[0].length);
    assertEquals(0, s[1].length);
  }
}
