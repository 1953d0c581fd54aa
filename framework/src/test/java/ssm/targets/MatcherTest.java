package ssm.targets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import ssm.box.Iou;
import ssm.testing.GraphFixture;

class MatcherTest {
  // IoU [G = 2, N = 3]:
  //   gt0: 0.9  0.2   0.4
  //   gt1: 0.1  0.25  0.35
  // column maxima 0.9 (gt0), 0.25 (gt1), 0.4 (gt0); thresholds high 0.7, low 0.3.
  private static final float[] IOU = {0.9f, 0.2f, 0.4f, 0.1f, 0.25f, 0.35f};

  @Test
  void thresholdsWithoutLowQualityMatches() {
    // col 0: 0.9 >= 0.7 -> gt 0; col 1: 0.25 < 0.3 -> BELOW_LOW; col 2: 0.3 <= 0.4 < 0.7 -> BETWEEN
    try (GraphFixture g = new GraphFixture()) {
      int[] m = g.fetchInts(new Matcher(0.7f, 0.3f, false).match(g.tf(), g.constant(IOU, 2, 3)));
      assertArrayEquals(new int[] {0, Matcher.BELOW_LOW, Matcher.BETWEEN}, m);
    }
  }

  @Test
  void lowQualityMatchRestoresTheOriginalArgmaxNotTheGt() {
    // gt0's highest IoU 0.9 is column 0 (already gt 0); gt1's highest, 0.35, is column 2, which
    // torchvision restores to its ORIGINAL argmax, gt 0 (0.4 > 0.35), not to gt 1.
    try (GraphFixture g = new GraphFixture()) {
      int[] m = g.fetchInts(new Matcher(0.7f, 0.3f, true).match(g.tf(), g.constant(IOU, 2, 3)));
      assertArrayEquals(new int[] {0, Matcher.BELOW_LOW, 0}, m);
    }
  }

  @Test
  void everyPredictionTyingAGtsHighestIouIsRestored() {
    // one gt, IoU 0.5 0.5 0.1: both 0.5s tie the gt's maximum and become matches; 0.1 < 0.3
    try (GraphFixture g = new GraphFixture()) {
      int[] m =
          g.fetchInts(
              new Matcher(0.7f, 0.3f, true)
                  .match(g.tf(), g.constant(new float[] {0.5f, 0.5f, 0.1f}, 1, 3)));
      assertArrayEquals(new int[] {0, 0, Matcher.BELOW_LOW}, m);
    }
  }

  @Test
  void noGtMakesEverythingBelowLow() {
    try (GraphFixture g = new GraphFixture()) {
      int[] m =
          g.fetchInts(
              new Matcher(0.7f, 0.3f, true)
                  .match(
                      g.tf(),
                      Iou.pairwise(
                          g.tf(),
                          g.constant(new float[0], 0, 4),
                          g.boxes(0, 0, 1, 1, 2, 2, 5, 5))));
      assertArrayEquals(new int[] {Matcher.BELOW_LOW, Matcher.BELOW_LOW}, m);
    }
  }
}
