package ssm.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CroppedSegmentationTest {
  @TempDir Path dir;

  /** A 12 x 10 (w x h) slice of grey 204, a 5 x 5 lesion in columns 1..5, rows 2..6. */
  private SegmentationFolder folder() {
    int w = 12;
    int h = 10;
    int[] img = new int[w * h];
    int[] mask = new int[w * h];
    java.util.Arrays.fill(img, 204);
    for (int y = 2; y < 7; y++) {
      for (int x = 1; x < 6; x++) {
        mask[y * w + x] = 2;
      }
    }
    TestImages.grey(dir.resolve("images/a.png"), w, h, img);
    TestImages.grey(dir.resolve("masks/a.png"), w, h, mask);
    return new SegmentationFolder(
        dir, ReaderOptions.defaults().withSize(10, 20).withMinLesionArea(5));
  }

  @Test
  void aWindowIsZoomedBackToTheInputSizeWithItsMaskBoxAndIntensity() {
    SegmentationExample e = folder().load(0);
    // window rows 2..6, columns 1..6 (5 x 6); short side 5 -> 10: x2, so 10 x 12
    SegmentationExample c = CroppedSegmentation.crop(e, 2, 1, 5, 6, 2.0, 0.1, new Resizer(10, 20));
    assertEquals(10, c.image().height());
    assertEquals(12, c.image().width());
    // lesion columns 0..4, rows 0..4 of the window -> 0..9 at x2: box [0, 0, 10, 10)
    assertEquals(1, c.count());
    assertArrayEquals(new float[] {0, 0, 10, 10}, c.box(0), 0f);
    assertEquals(1, c.masks()[9 * 12 + 9]);
    assertEquals(0, c.masks()[9 * 12 + 10]);
    // 0.8 -> (0.8 - 0.5) * 2 + 0.5 + 0.1 = 1.2, clipped to 1
    assertEquals(1f, c.image().pixel(4, 4, 0), 1e-6f);
    SegmentationExample darker =
        CroppedSegmentation.crop(e, 2, 1, 5, 6, 0.5, -0.1, new Resizer(10, 20));
    // (0.8 - 0.5) * 0.5 + 0.5 - 0.1 = 0.55
    assertEquals(0.55f, darker.image().pixel(4, 4, 0), 1e-6f);
  }

  @Test
  void anInstanceWithFewerThanSixteenPixelsInTheWindowIsDropped() {
    SegmentationExample e = folder().load(0);
    // rows 5..9: only rows 5 and 6 of the lesion, 10 pixels
    SegmentationExample c = CroppedSegmentation.crop(e, 5, 0, 5, 10, 1.0, 0.0, new Resizer(10, 20));
    assertEquals(0, c.count());
    assertTrue(c.negative());
    // rows 3..7: rows 3..6 of the lesion, 20 pixels, kept; box rows 0..3 -> 0..7 at x2
    SegmentationExample kept =
        CroppedSegmentation.crop(e, 3, 0, 5, 10, 1.0, 0.0, new Resizer(10, 20));
    assertEquals(1, kept.count());
    assertArrayEquals(new float[] {2, 0, 12, 8}, kept.box(0), 0f);
  }

  @Test
  void cropsAreSeededCopiesWhoseBoxesBoundTheirMasks() {
    CroppedSegmentation crops = new CroppedSegmentation(folder(), 3, new Resizer(10, 20), 7);
    assertEquals(4, crops.size());
    assertEquals("a.png", crops.id(0));
    assertEquals("a.png (crop 2)", crops.id(2));
    for (int i = 1; i < 4; i++) {
      SegmentationExample c = crops.load(i);
      SegmentationExample again = crops.load(i);
      assertArrayEquals(c.image().pixels(), again.image().pixels(), 0f);
      assertEquals(10, Math.min(c.image().height(), c.image().width()));
      for (int k = 0; k < c.count(); k++) {
        byte[] mask = new byte[c.image().height() * c.image().width()];
        System.arraycopy(c.masks(), k * mask.length, mask, 0, mask.length);
        assertArrayEquals(
            CroppedSegmentation.boundingBox(mask, c.image().height(), c.image().width()),
            c.box(k),
            0f);
      }
    }
  }
}
