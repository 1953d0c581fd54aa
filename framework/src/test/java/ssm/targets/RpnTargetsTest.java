package ssm.targets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import ssm.box.BoxCoder;
import ssm.testing.GraphFixture;

class RpnTargetsTest {
  private static final RpnTargets TARGETS =
      new RpnTargets(
          new Matcher(0.7f, 0.3f, true), new BalancedSampler(256, 0.5f), new BoxCoder(1, 1, 1, 1));

  @Test
  void labelsTargetsAndSampleOfThreeAnchors() {
    // gt [0, 0, 10, 10];
    // anchor 0 [1, 0, 11, 10]: overlap 9 x 10 = 90, union 200 - 90 = 110, IoU 0.818 -> positive;
    // anchor 1 [0, 0, 20, 10]: overlap 100, union 200, IoU 0.5 -> between -> ignored (-1); not a
    //   low-quality match since 0.5 < the gt's best 0.818;
    // anchor 2 [20, 20, 30, 30]: IoU 0 -> negative.
    // Anchor 0's target, weights 1: anchor centre (6, 5), size 10 x 10; gt centre (5, 5), 10 x 10
    // -> dx = (5 - 6) / 10 = -0.1, dy = 0, dw = log(10 / 10) = 0, dh = 0.
    try (GraphFixture g = new GraphFixture()) {
      AnchorTargets t =
          TARGETS.build(
              g.tf(),
              g.boxes(1, 0, 11, 10, 0, 0, 20, 10, 20, 20, 30, 30),
              g.boxes(0, 0, 10, 10),
              g.tf().constant(new long[] {3, 4}));
      assertArrayEquals(new int[] {1, -1, 0}, g.fetchInts(t.labels()));
      assertArrayEquals(
          new int[] {0, Matcher.BETWEEN, Matcher.BELOW_LOW}, g.fetchInts(t.matchedGt()));
      assertArrayEquals(
          new float[] {-0.1f, 0, 0, 0},
          g.fetchFloats(
              g.tf().gather(t.regressionTargets(), g.tf().constant(0), g.tf().constant(0))),
          1e-6f);
      assertArrayEquals(new int[] {0}, g.fetchInts(t.positive()));
      assertArrayEquals(new int[] {2}, g.fetchInts(t.negative()));
    }
  }

  @Test
  void noGtMakesEveryAnchorNegative() {
    try (GraphFixture g = new GraphFixture()) {
      AnchorTargets t =
          TARGETS.build(
              g.tf(),
              g.boxes(1, 0, 11, 10, 20, 20, 30, 30),
              g.constant(new float[0], 0, 4),
              g.tf().constant(new long[] {3, 4}));
      assertArrayEquals(new int[] {0, 0}, g.fetchInts(t.labels()));
      assertArrayEquals(new int[0], g.fetchInts(t.positive()));
      assertArrayEquals(
          new int[] {0, 1}, java.util.Arrays.stream(g.fetchInts(t.negative())).sorted().toArray());
    }
  }
}
