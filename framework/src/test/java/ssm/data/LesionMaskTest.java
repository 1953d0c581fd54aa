package ssm.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class LesionMaskTest {
  private static ImageDecoder.LabelImage labels(int h, int w, int... v) {
    return new ImageDecoder.LabelImage(h, w, v);
  }

  @Test
  void consolidationMergesIntoGgoAndLungIntoBackground() {
    byte[] lesion = LesionMask.lesions("m.png", labels(1, 4, 0, 1, 2, 3));
    assertArrayEquals(new byte[] {0, 0, 1, 1}, lesion);
  }

  @Test
  void valueOutsideZeroToThreeNamesFileAndPixel() {
    DataException e =
        assertThrows(
            DataException.class, () -> LesionMask.lesions("m.png", labels(2, 2, 0, 1, 2, 7)));
    assertEquals(
        "m.png: mask value 7 at (x=1, y=1) is outside 0-3 (0 background, 1 lung, "
            + "2 GGO, 3 consolidation)",
        e.getMessage());
  }

  @Test
  void diagonalNeighboursJoinUnderEightConnectivity() {
    byte[] m = {
      1, 0, 0,
      0, 1, 0,
      0, 0, 1
    };
    List<ConnectedComponents.Component> c = ConnectedComponents.label(m, 3, 3).components();
    assertEquals(1, c.size());
    assertEquals(new ConnectedComponents.Component(1, 3, 0, 0, 3, 3), c.get(0));
  }

  @Test
  void componentsAreNumberedInRasterOrderWithExclusiveBoxes() {
    byte[] m = {
      0, 0, 0, 1, 1,
      1, 0, 0, 0, 0,
      1, 1, 0, 0, 1
    };
    List<ConnectedComponents.Component> c = ConnectedComponents.label(m, 3, 5).components();
    assertEquals(3, c.size());
    assertEquals(new ConnectedComponents.Component(1, 2, 0, 3, 1, 5), c.get(0));
    assertEquals(new ConnectedComponents.Component(2, 3, 1, 0, 3, 2), c.get(1));
    assertEquals(new ConnectedComponents.Component(3, 1, 2, 4, 3, 5), c.get(2));
  }

  @Test
  void areaMustExceedTheThresholdStrictly() {
    int w = 20;
    byte[] m = new byte[20 * w];
    for (int y = 2; y < 12; y++) {
      for (int x = 3; x < 13; x++) {
        m[y * w + x] = 1; // 10 x 10 = 100 pixels
      }
    }
    assertEquals(0, LesionMask.instances(m, 20, w, 100).count());
    m[12 * w + 13] = 1; // diagonal neighbour of (11, 12): 101 pixels
    LesionMask.Instances inst = LesionMask.instances(m, 20, w, 100);
    assertEquals(1, inst.count());
    assertEquals(101, inst.areas()[0]);
    // rows 2..12, cols 3..13 -> x1 = 3, y1 = 2, x2 = 14, y2 = 13 (exclusive)
    assertArrayEquals(new float[] {3, 2, 14, 13}, inst.boxes(), 0f);
    int sum = 0;
    for (byte b : inst.masks()) {
      sum += b;
    }
    assertEquals(101, sum);
  }

  @Test
  void eachInstanceMaskHoldsOnlyItsComponent() {
    byte[] m = {1, 1, 0, 1};
    LesionMask.Instances inst = LesionMask.instances(m, 1, 4, 0);
    assertEquals(2, inst.count());
    assertArrayEquals(new byte[] {1, 1, 0, 0, 0, 0, 0, 1}, inst.masks());
    assertArrayEquals(new float[] {0, 0, 2, 1, 3, 0, 4, 1}, inst.boxes(), 0f);
  }
}
