package ssm.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MirroredSegmentationTest {
  @TempDir Path dir;

  @Test
  void mirroredItemsFlipImageMaskAndBox() {
    int w = 12;
    int h = 10;
    int[] img = new int[w * h];
    int[] mask = new int[w * h];
    for (int y = 2; y < 5; y++) {
      for (int x = 1; x < 4; x++) { // lesion columns 1..3, rows 2..4
        mask[y * w + x] = 2;
      }
    }
    img[0] = 255; // top-left pixel white
    TestImages.grey(dir.resolve("images/a.png"), w, h, img);
    TestImages.grey(dir.resolve("masks/a.png"), w, h, mask);
    SegmentationFolder f =
        new SegmentationFolder(dir, ReaderOptions.defaults().withSize(10, 20).withMinLesionArea(5));
    MirroredSegmentation m = new MirroredSegmentation(f);
    assertEquals(2, m.size());
    assertEquals("a.png (mirrored)", m.id(1));
    SegmentationExample plain = m.load(0);
    SegmentationExample flipped = m.load(1);
    assertArrayEquals(new float[] {1, 2, 4, 5}, plain.box(0));
    assertArrayEquals(new float[] {12 - 4, 2, 12 - 1, 5}, flipped.box(0)); // columns 8..10
    assertEquals(1f, flipped.image().pixel(0, w - 1, 0), 0f);
    assertEquals(0f, flipped.image().pixel(0, 0, 0), 0f);
    assertEquals(1, flipped.masks()[2 * w + 10]);
    assertEquals(0, flipped.masks()[2 * w + 1]);
  }
}
