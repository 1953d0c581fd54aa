package ssm.targets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import ssm.box.BoxCoder;
import ssm.testing.GraphFixture;

class RoiTargetsTest {
  private static final RoiTargets TARGETS =
      new RoiTargets(
          new Matcher(0.5f, 0.5f, false),
          new BalancedSampler(512, 0.25f),
          new BoxCoder(10, 10, 5, 5));

  @Test
  void gtIsAppendedMatchedAndEncodedWithWeights10105() {
    // proposals [1, 0, 11, 10] (IoU 0.818 with gt) and [20, 20, 30, 30] (IoU 0), plus the gt
    // [0, 0, 10, 10] itself (IoU 1): positives {proposal 0, gt}, negatives {proposal 1}.
    // Targets, weights (10, 10, 5, 5): proposal 0 -> dx = 10 * (5 - 6) / 10 = -1, rest 0;
    // the gt itself -> 0 0 0 0; the negative -> zeros by contract.
    try (GraphFixture g = new GraphFixture()) {
      SampledRois r =
          TARGETS.build(
              g.tf(),
              g.boxes(1, 0, 11, 10, 20, 20, 30, 30),
              g.boxes(0, 0, 10, 10),
              g.tf().constant(new long[] {5, 6}));
      assertEquals(2, g.fetchInts(r.positiveCount())[0]);
      assertArrayEquals(new int[] {1, 1, 0}, g.fetchInts(r.labels()));
      assertArrayEquals(new int[] {0, 0, -1}, g.fetchInts(r.matchedGt()));
      float[] boxes = g.fetchFloats(r.boxes());
      float[] targets = g.fetchFloats(r.regressionTargets());
      // the two positives come in random order: find the proposal's row
      int proposalRow = boxes[0] == 1f ? 0 : 1;
      assertArrayEquals(
          new float[] {1, 0, 11, 10},
          java.util.Arrays.copyOfRange(boxes, 4 * proposalRow, 4 * proposalRow + 4));
      assertArrayEquals(
          new float[] {-1, 0, 0, 0},
          java.util.Arrays.copyOfRange(targets, 4 * proposalRow, 4 * proposalRow + 4),
          1e-6f);
      assertArrayEquals(
          new float[] {0, 0, 0, 0},
          java.util.Arrays.copyOfRange(targets, 4 * (1 - proposalRow), 4 * (2 - proposalRow)),
          1e-6f);
      assertArrayEquals(
          new float[] {20, 20, 30, 30}, java.util.Arrays.copyOfRange(boxes, 8, 12), 0f);
      assertArrayEquals(new float[4], java.util.Arrays.copyOfRange(targets, 8, 12), 0f);
      assertArrayEquals(
          new float[] {1, 0, 11, 10, 0, 0, 10, 10},
          sortedPositiveBoxes(g.fetchFloats(r.positiveBoxes(g.tf()))),
          0f);
      assertArrayEquals(new int[] {0, 0}, g.fetchInts(r.positiveMatchedGt(g.tf())));
    }
  }

  @Test
  void noGtGivesOnlyBackground() {
    try (GraphFixture g = new GraphFixture()) {
      SampledRois r =
          TARGETS.build(
              g.tf(),
              g.boxes(1, 0, 11, 10, 20, 20, 30, 30),
              g.constant(new float[0], 0, 4),
              g.tf().constant(new long[] {5, 6}));
      assertArrayEquals(new int[] {0, 0}, g.fetchInts(r.labels()));
      assertArrayEquals(new float[8], g.fetchFloats(r.regressionTargets()), 0f);
      assertEquals(0, g.fetchInts(r.positiveCount())[0]);
    }
  }

  private static float[] concat(float[] a, float[] b) {
    float[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** Two boxes, the one with the larger x1 first. */
  private static float[] sortedPositiveBoxes(float[] b) {
    return b[0] >= b[4]
        ? b
        : concat(java.util.Arrays.copyOfRange(b, 4, 8), java.util.Arrays.copyOfRange(b, 0, 4));
  }
}
