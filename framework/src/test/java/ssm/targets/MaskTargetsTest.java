package ssm.targets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import ssm.testing.GraphFixture;

class MaskTargetsTest {
  @Test
  void eachRoiReadsItsOwnGtMask() {
    // 32 x 32 image; gt 0 = 1 in columns 0..15, 0 elsewhere; gt 1 = all ones.
    // RoI [0, 0, 28, 28] at scale 1, 28 bins of 1 px, 2 x 2 samples at p + 0.25 and p + 0.75:
    // bins 0..14 read columns <= 15 only -> 1; bin 15 reads 15.25 (0.75) and 15.75 (0.25) -> 0.5;
    // bins 16..27 read columns >= 16 -> 0. RoI 0 is matched to gt 0, RoI 1 (same box) to gt 1.
    float[] masks = new float[2 * 32 * 32];
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 32; x++) {
        masks[y * 32 + x] = x < 16 ? 1 : 0;
        masks[1024 + y * 32 + x] = 1;
      }
    }
    try (GraphFixture g = new GraphFixture()) {
      float[] t =
          g.fetchFloats(
              MaskTargets.standard()
                  .build(
                      g.tf(),
                      g.constant(masks, 2, 32, 32),
                      g.boxes(0, 0, 28, 28, 0, 0, 28, 28),
                      g.tf().constant(new int[] {0, 1})));
      assertEquals(2 * 28 * 28, t.length);
      float[] expectedRow = new float[28];
      for (int x = 0; x < 28; x++) {
        expectedRow[x] = x < 15 ? 1 : x == 15 ? 0.5f : 0;
      }
      for (int y = 0; y < 28; y++) {
        assertArrayEquals(
            expectedRow, java.util.Arrays.copyOfRange(t, y * 28, y * 28 + 28), 1e-6f, "row " + y);
        for (int x = 0; x < 28; x++) {
          assertEquals(1f, t[784 + y * 28 + x], 1e-6f);
        }
      }
    }
  }

  @Test
  void noPositivesGiveNoTargets() {
    try (GraphFixture g = new GraphFixture()) {
      long[] shape =
          g.fetchShape(
              MaskTargets.standard()
                  .build(
                      g.tf(),
                      g.constant(new float[0], 0, 32, 32),
                      g.constant(new float[0], 0, 4),
                      g.tf().constant(new int[0])));
      assertArrayEquals(new long[] {0, 28, 28}, shape);
    }
  }
}
