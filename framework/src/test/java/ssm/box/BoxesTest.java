package ssm.box;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import ssm.testing.GraphFixture;

class BoxesTest {
  @Test
  void clipClampsToWidthAndHeightInclusive() {
    // image 100 high, 200 wide: x into [0, 200], y into [0, 100]
    try (GraphFixture g = new GraphFixture()) {
      float[] c =
          g.run(
              tf ->
                  Boxes.clip(
                      tf,
                      g.boxes(-5, -1, 250, 120, 10, 20, 30, 40),
                      tf.constant(100),
                      tf.constant(200)));
      assertArrayEquals(new float[] {0, 0, 200, 100, 10, 20, 30, 40}, c, 0f);
    }
  }

  @Test
  void areaHasNoPlusOne() {
    // [1, 2, 4, 7]: 3 x 5 = 15; the zero-height anchor [-3, 0, 3, 0] has area 0
    try (GraphFixture g = new GraphFixture()) {
      assertArrayEquals(
          new float[] {15, 0}, g.run(tf -> Boxes.area(tf, g.boxes(1, 2, 4, 7, -3, 0, 3, 0))), 0f);
    }
  }

  @Test
  void iouOfTwoHalfOverlappingSquares() {
    // a = [0,0,2,2], b = [1,0,3,2]: areas 4 and 4, overlap 1 x 2 = 2, union 4 + 4 - 2 = 6
    try (GraphFixture g = new GraphFixture()) {
      float[] iou = g.run(tf -> Iou.pairwise(tf, g.boxes(0, 0, 2, 2), g.boxes(1, 0, 3, 2)));
      assertEquals(2f / 6f, iou[0], 1e-6f);
    }
  }

  @Test
  void iouMatrixIsNByM() {
    // a0 = [0,0,2,2], a1 = [10,10,11,11]; b0 = [0,0,1,1] (inside a0: 1/4), b1 = [1,1,3,3]
    // (overlap 1: 1/7), b2 = [10,10,11,11] (identical to a1: 1); disjoint pairs 0
    try (GraphFixture g = new GraphFixture()) {
      float[] iou =
          g.run(
              tf ->
                  Iou.pairwise(
                      tf,
                      g.boxes(0, 0, 2, 2, 10, 10, 11, 11),
                      g.boxes(0, 0, 1, 1, 1, 1, 3, 3, 10, 10, 11, 11)));
      assertArrayEquals(new float[] {0.25f, 1f / 7f, 0, 0, 0, 1}, iou, 1e-6f);
    }
  }

  @Test
  void iouOfZeroAreaBoxes() {
    // zero-area vs a square: 0 / 4 = 0; zero-area vs zero-area: 0 / 0 = NaN as in torchvision
    try (GraphFixture g = new GraphFixture()) {
      float[] iou =
          g.run(tf -> Iou.pairwise(tf, g.boxes(-3, 0, 3, 0), g.boxes(0, -1, 2, 1, -3, 0, 3, 0)));
      assertEquals(0f, iou[0], 0f);
      assertTrue(Float.isNaN(iou[1]));
    }
  }

  @Test
  void iouHasGradients() {
    // a = [x1, 0, x2, 2] at x1 = 0, x2 = 2 against b = [1, 0, 3, 2]:
    // inter = 2 (x2 - 1) = 2, union = 2 (x2 - x1) + 4 - inter = 6, iou = inter / union.
    // d/dx2 = (2 * 6 - 2 * (2 - 2)) / 36 = 1/3; d/dx1 = -inter / union^2 * (-2) = 4 / 36 = 1/9.
    // (y1, y2 sit on ties of max/min with b, so their gradients are not asserted.)
    try (GraphFixture g = new GraphFixture()) {
      var tf = g.tf();
      var a = g.boxes(0, 0, 2, 2);
      var iou = Iou.pairwise(tf, a, g.boxes(1, 0, 3, 2));
      var grads = tf.gradients(iou, java.util.List.of(a));
      float[] d = g.fetchFloats(grads.dy(0));
      assertArrayEquals(new float[] {1f / 9f, d[1], 1f / 3f, d[3]}, d, 1e-6f);
    }
  }
}
