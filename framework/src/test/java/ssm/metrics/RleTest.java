package ssm.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class RleTest {
  // Row-major 3x3 mask
  //   0 1 0
  //   0 1 1
  //   0 0 0
  // column-major: col0 = 0,0,0; col1 = 1,1,0; col2 = 0,1,0 -> runs 3 zeros, 2 ones, 2 zeros, 1 one,
  // 1 zero
  private static final byte[] L_SHAPE = {0, 1, 0, 0, 1, 1, 0, 0, 0};

  @Test
  void encodesColumnMajorRunsStartingWithZeros() {
    Rle rle = Rle.encode(L_SHAPE, 3, 3);
    assertArrayEquals(new int[] {3, 2, 2, 1, 1}, rle.counts());
    assertEquals(3, rle.area());
  }

  @Test
  void maskStartingWithOneHasEmptyFirstRun() {
    // 1x2 mask [1, 0]: zero zeros, one one, one zero
    assertArrayEquals(new int[] {0, 1, 1}, Rle.encode(new byte[] {1, 0}, 1, 2).counts());
    // all-zero 2x2: a single run of 4 zeros; area 0 and an all-zero box
    Rle empty = Rle.encode(new byte[4], 2, 2);
    assertArrayEquals(new int[] {4}, empty.counts());
    assertArrayEquals(new double[] {0, 0, 0, 0}, empty.toBbox(), 0);
  }

  @Test
  void encodesOnePlaneOfStackedMasks() {
    // two 1x2 planes [1, 0] and [0, 1]: runs (0 zeros, 1 one, 1 zero) and (1 zero, 1 one)
    byte[] planes = {1, 0, 0, 1};
    assertArrayEquals(new int[] {0, 1, 1}, Rle.encodePlane(planes, 0, 1, 2).counts());
    assertArrayEquals(new int[] {1, 1}, Rle.encodePlane(planes, 1, 1, 2).counts());
    assertThrows(IllegalArgumentException.class, () -> Rle.encodePlane(planes, 2, 1, 2));
  }

  @Test
  void decodeInvertsEncode() {
    boolean[] expected = {false, true, false, false, true, true, false, false, false};
    assertArrayEquals(expected, Rle.encode(L_SHAPE, 3, 3).decode());
    // non-square: 2x3 row-major [1 0 1 / 1 1 0]
    boolean[] wide = {true, false, true, true, true, false};
    assertArrayEquals(wide, Rle.encode(wide, 2, 3).decode());
  }

  @Test
  void boxOfLShape() {
    // set pixels (x,y) = (1,0), (1,1), (2,1): x in [1,2], y in [0,1] -> [x, y, w, h] = [1, 0, 2, 2]
    assertArrayEquals(new double[] {1, 0, 2, 2}, Rle.encode(L_SHAPE, 3, 3).toBbox(), 0);
  }

  @Test
  void boxOfRunCrossingAColumnSpansFullHeight() {
    // 3x2 mask, ones at (x=0,y=2) and (x=1,y=0): one column-major run [2,3) crossing columns.
    // rleToBbox then takes the full height: [0, 0, 2, 3]
    Rle rle = Rle.fromCounts(3, 2, new int[] {2, 2, 2});
    assertArrayEquals(new double[] {0, 0, 2, 3}, rle.toBbox(), 0);
  }

  @Test
  void compressedStringOfLShapeUsesDeltaFromTheThirdCount() {
    // counts [3,2,2,1,1]: '3','2','2' written as is (48+c); from i = 3 the delta to count i-2:
    // 1-2 = -1 -> low 5 bits 31, sign bit set and rest -1 -> one char 48+31 = 'O'; again 1-2 = -1
    // -> 'O'
    Rle rle = Rle.encode(L_SHAPE, 3, 3);
    assertEquals("322OO", rle.toCompressedString());
    assertEquals(rle, Rle.fromCompressedString("322OO", 3, 3));
  }

  @Test
  void compressedStringOfLargeCountUsesContinuation() {
    // 1x100 mask: counts [0, 100]. 100 = 0b11_00100: first char 4|0x20 = 36 -> 'T', then 3 -> '3'
    Rle rle = Rle.fromCounts(1, 100, new int[] {0, 100});
    assertEquals("0T3", rle.toCompressedString());
    // counts [1,1,1,40] (h=43): i = 3 delta 40-1 = 39 = 0b1_00111 -> 7|0x20 = 39 -> 'W', then '1'
    assertEquals("111W1", Rle.fromCounts(43, 1, new int[] {1, 1, 1, 40}).toCompressedString());
    // counts [0,5,1,2] (h=8): delta 2-5 = -3 -> low bits 29, then x = -1 stops -> 48+29 = 'M'
    Rle negative = Rle.fromCounts(8, 1, new int[] {0, 5, 1, 2});
    assertEquals("051M", negative.toCompressedString());
    assertEquals(negative, Rle.fromCompressedString("051M", 8, 1));
  }

  @Test
  void compressedStringRoundTripOnLargeMask() {
    int h = 64;
    int w = 48;
    boolean[] mask = new boolean[h * w];
    for (int i = 0; i < mask.length; i++) {
      mask[i] = ((i * 7919) % 13) < 5 || (i / w > 40 && i % w < 30);
    }
    Rle rle = Rle.encode(mask, h, w);
    Rle back = Rle.fromCompressedString(rle.toCompressedString(), h, w);
    assertEquals(rle, back);
    assertArrayEquals(mask, back.decode());
  }

  @Test
  void countsThatDoNotFillTheMaskAreRejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Rle.fromCounts(2, 2, new int[] {1, 2}));
    assertEquals("RLE counts sum to 3 but the mask is 2x2 = 4 pixels", e.getMessage());
  }

  @Test
  void maskIouAndCrowdIou() {
    // a = L shape (3 px); b = the whole middle column x=1 (3 px): overlap (1,0),(1,1) = 2
    Rle a = Rle.encode(L_SHAPE, 3, 3);
    Rle b = Rle.encode(new byte[] {0, 1, 0, 0, 1, 0, 0, 1, 0}, 3, 3);
    // union 3 + 3 - 2 = 4 -> 0.5; crowd gt: 2 / area(dt) = 2/3
    assertEquals(0.5, Rle.iou(a, b, false), 0);
    assertEquals(2.0 / 3.0, Rle.iou(a, b, true), 0);
    double[][] m = Rle.iou(List.of(a, b), List.of(b), new boolean[] {false});
    assertEquals(0.5, m[0][0], 0);
    assertEquals(1.0, m[1][0], 0);
  }

  @Test
  void disjointAndEmptyMasksHaveZeroIou() {
    Rle left = Rle.encode(new byte[] {1, 0, 0, 0}, 1, 4);
    Rle right = Rle.encode(new byte[] {0, 0, 0, 1}, 1, 4);
    Rle empty = Rle.encode(new byte[4], 1, 4);
    assertEquals(0, Rle.iou(left, right, false), 0);
    assertEquals(0, Rle.iou(empty, empty, false), 0);
  }

  @Test
  void bboxIouOfHalfOverlappingSquares() {
    // [0,0,2,2] and [1,0,2,2]: overlap 1 x 2 = 2, union 4 + 4 - 2 = 6; crowd: 2 / 4
    assertEquals(
        2.0 / 6.0, Rle.bboxIou(new double[] {0, 0, 2, 2}, new double[] {1, 0, 2, 2}, false), 0);
    assertEquals(0.5, Rle.bboxIou(new double[] {0, 0, 2, 2}, new double[] {1, 0, 2, 2}, true), 0);
    assertEquals(0, Rle.bboxIou(new double[] {0, 0, 1, 1}, new double[] {1, 0, 1, 1}, false), 0);
  }

  @Test
  void polygonSquareRasterisesToItsPixels() {
    // Square (0,0)-(2,2) on a 4x4 image. Upsampled x5 the boundary crosses the column centres
    // x = 0 and 1 (upsampled 2 and 7) at the top y = 0 and at the bottom y = ceil(10.5/5 - .5) = 2,
    // giving run boundaries x*h + y = 0, 2, 4, 6 and 16: runs [0, 2, 2, 2, 10] = the 2x2 square.
    Rle rle = Rle.fromPolygon(new double[] {0, 0, 0, 2, 2, 2, 2, 0}, 4, 4);
    assertArrayEquals(new int[] {0, 2, 2, 2, 10}, rle.counts());
    assertEquals(4, rle.area());
    assertArrayEquals(new double[] {0, 0, 2, 2}, rle.toBbox(), 0);
    assertEquals(rle, Rle.fromBbox(new double[] {0, 0, 2, 2}, 4, 4));
  }

  @Test
  void polygonTriangleCoversHalfItsBox() {
    // right triangle (0,0),(4,0),(0,4) on 4x4: a consistency check only (decode agrees with
    // area, the box starts at the origin); the exact pixels are pycocotools' boundary rounding.
    Rle rle = Rle.fromPolygon(new double[] {0, 0, 4, 0, 0, 4}, 4, 4);
    boolean[] px = rle.decode();
    int set = 0;
    for (boolean b : px) {
      set += b ? 1 : 0;
    }
    assertEquals(rle.area(), set);
    assertEquals(0, rle.toBbox()[0], 0);
    assertEquals(0, rle.toBbox()[1], 0);
  }

  @Test
  void mergeUnionAndIntersection() {
    Rle a = Rle.encode(new byte[] {1, 1, 0, 0}, 1, 4);
    Rle b = Rle.encode(new byte[] {0, 1, 1, 0}, 1, 4);
    assertArrayEquals(new int[] {0, 3, 1}, Rle.merge(List.of(a, b), false).counts());
    assertArrayEquals(new int[] {1, 1, 2}, Rle.merge(List.of(a, b), true).counts());
  }

  @Test
  void probabilitiesAreBinarisedStrictlyAboveThreshold() {
    // 0.5 is not > 0.5, so only the last pixel is set
    Rle rle = Rle.fromProbabilities(new float[] {0.2f, 0.5f, 0.51f}, 1, 3, 0.5f);
    assertArrayEquals(new int[] {2, 1}, rle.counts());
  }
}
