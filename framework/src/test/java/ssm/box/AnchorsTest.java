package ssm.box;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tensorflow.op.Ops;
import ssm.testing.GraphFixture;
import ssm.testing.ReferenceFixture;

class AnchorsTest {
  static final int[] SIZES = {2, 4, 8, 16, 32};
  static final float[] RATIOS = {0.1f, 0.25f, 0.5f, 1f, 1.5f, 2f};

  @Test
  void thinAnchorRoundsToZeroHeight() {
    // size 2, ratio 0.1: h = 2 * sqrt(0.1) = 0.632, w = 2 / sqrt(0.1) = 6.325;
    // half-extents 0.316 and 3.162 round to 0 and 3
    assertArrayEquals(new float[] {-3, 0, 3, 0}, Anchors.base(2, 0.1f), 0f);
  }

  @Test
  void halfRoundsToEven() {
    // size 2, ratio 0.25: hr = 0.5, wr = 2, w = 4, h = 1; half-extents 2 and 0.5 -> rint(0.5) = 0
    assertArrayEquals(new float[] {-2, 0, 2, 0}, Anchors.base(2, 0.25f), 0f);
    // size 4, ratio 0.25: h = 2, w = 8 -> [-4, -1, 4, 1]; size 2, ratio 1 -> [-1, -1, 1, 1]
    assertArrayEquals(new float[] {-4, -1, 4, 1}, Anchors.base(4, 0.25f), 0f);
    assertArrayEquals(new float[] {-1, -1, 1, 1}, Anchors.base(2, 1f), 0f);
  }

  @Test
  void cellIsRatioMajor() {
    float[] cell = Anchors.cell(new int[] {2, 4}, new float[] {0.25f, 1f});
    // a = ratioIndex * 2 + sizeIndex: (0.25, 2), (0.25, 4), (1, 2), (1, 4)
    assertArrayEquals(
        new float[] {-2, 0, 2, 0, -4, -1, 4, 1, -1, -1, 1, 1, -2, -2, 2, 2}, cell, 0f);
  }

  @Test
  void gridShiftsToCellCornersLocationMajor() {
    // 2 x 3 map, strides (y 10, x 7), one cell anchor [-1, -1, 1, 1]:
    // row (y * 3 + x) = [7x - 1, 10y - 1, 7x + 1, 10y + 1]
    try (GraphFixture g = new GraphFixture()) {
      Ops tf = g.tf();
      float[] grid =
          g.fetchFloats(
              Anchors.grid(
                  tf,
                  new float[] {-1, -1, 1, 1},
                  tf.constant(2),
                  tf.constant(3),
                  tf.constant(10),
                  tf.constant(7)));
      assertArrayEquals(
          new float[] {
            -1, -1, 1, 1, 6, -1, 8, 1, 13, -1, 15, 1, -1, 9, 1, 11, 6, 9, 8, 11, 13, 9, 15, 11
          },
          grid,
          0f);
    }
  }

  @Test
  void gridMatchesReference() {
    // Golden numbers: rpn.cell_anchors, anchors_first40, anchors_selected of the parity fixture
    // (32 x 32 map, stride 16, 30 anchors per location).
    JsonNode rpn = ReferenceFixture.expected().get("images").get(0).get("rpn");
    float[] cell = Anchors.cell(SIZES, RATIOS);
    assertArrayEquals(ReferenceFixture.floats(rpn.get("cell_anchors")), cell, 0f);
    try (GraphFixture g = new GraphFixture()) {
      Ops tf = g.tf();
      float[] grid =
          g.fetchFloats(
              Anchors.grid(
                  tf, cell, tf.constant(32), tf.constant(32), tf.constant(16), tf.constant(16)));
      assertEquals(30720 * 4, grid.length);
      float[] first40 = ReferenceFixture.floats(rpn.get("anchors_first40"));
      for (int i = 0; i < first40.length; i++) {
        assertEquals(first40[i], grid[i], 0f, "coordinate " + i);
      }
      for (JsonNode sel : rpn.get("anchors_selected")) {
        int index = sel.get("index").asInt();
        float[] box = ReferenceFixture.floats(sel.get("box"));
        for (int k = 0; k < 4; k++) {
          assertEquals(box[k], grid[4 * index + k], 0f, "anchor " + index);
        }
      }
    }
  }
}
