package ssm.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuarterTurnedSegmentationTest {
  @TempDir Path dir;

  /** A 12 x 10 (w x h) slice: white top-left pixel, a lesion in columns 1..3, rows 2..4. */
  private QuarterTurnedSegmentation turned() {
    int w = 12;
    int h = 10;
    int[] img = new int[w * h];
    int[] mask = new int[w * h];
    for (int y = 2; y < 5; y++) {
      for (int x = 1; x < 4; x++) {
        mask[y * w + x] = 2;
      }
    }
    img[0] = 255;
    TestImages.grey(dir.resolve("images/a.png"), w, h, img);
    TestImages.grey(dir.resolve("masks/a.png"), w, h, mask);
    return new QuarterTurnedSegmentation(
        new SegmentationFolder(
            dir, ReaderOptions.defaults().withSize(10, 20).withMinLesionArea(5)));
  }

  @Test
  void oneQuarterTurnMovesPixelsMaskAndBoxClockwise() {
    QuarterTurnedSegmentation q = turned();
    assertEquals(4, q.size());
    assertEquals("a.png", q.id(0));
    assertEquals("a.png (turned 90)", q.id(1));
    assertEquals("a.png (turned 270)", q.id(3));
    SegmentationExample e = q.load(1);
    // 12 wide x 10 high becomes 10 wide x 12 high; (y, x) -> (x, 9 - y)
    assertEquals(12, e.image().height());
    assertEquals(10, e.image().width());
    assertEquals(1f, e.image().pixel(0, 9, 0), 0f); // the top-left pixel is now top-right
    assertEquals(0f, e.image().pixel(0, 0, 0), 0f);
    // box [1, 2, 4, 5) -> [10 - 5, 1, 10 - 2, 4) = [5, 1, 8, 4)
    assertArrayEquals(new float[] {5, 1, 8, 4}, e.box(0));
    assertEquals(1, e.masks()[1 * 10 + 5]); // row 1, column 5: old (y 4, x 1)
    assertEquals(1, e.masks()[3 * 10 + 7]); // row 3, column 7: old (y 2, x 3)
    assertEquals(0, e.masks()[1 * 10 + 4]);
    assertEquals(0, e.masks()[4 * 10 + 5]);
  }

  @Test
  void halfTurnAndFourQuarterTurns() {
    QuarterTurnedSegmentation q = turned();
    SegmentationExample plain = q.load(0);
    SegmentationExample half = q.load(2);
    // (y, x) -> (9 - y, 11 - x): box [1, 2, 4, 5) -> [12 - 4, 10 - 5, 12 - 1, 10 - 2)
    assertArrayEquals(new float[] {8, 5, 11, 8}, half.box(0));
    assertEquals(1f, half.image().pixel(9, 11, 0), 0f);
    SegmentationExample full = QuarterTurnedSegmentation.turnClockwise(q.load(3));
    assertArrayEquals(plain.image().pixels(), full.image().pixels(), 0f);
    assertArrayEquals(plain.masks(), full.masks());
    assertArrayEquals(plain.box(0), full.box(0), 0f);
  }
}
