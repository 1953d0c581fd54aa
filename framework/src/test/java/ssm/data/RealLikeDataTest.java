package ssm.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data as it comes from real collections (issue 18), on small files written here: slices of
 * varying, non-square sizes, PNG and JPEG, grey, RGB and RGBA, an {@code imgs/} folder, and a
 * two-class classification split.
 */
class RealLikeDataTest {
  @TempDir Path dir;

  private static int[] lesionMask(int w, int h, int x0, int y0, int side) {
    int[] m = new int[w * h];
    for (int y = y0; y < y0 + side; y++) {
      for (int x = x0; x < x0 + side; x++) {
        m[y * w + x] = 2;
      }
    }
    return m;
  }

  @Test
  void segmentationFolderWithImgsOfMixedSizesAndModesIsReadAndResized() {
    Path seg = dir.resolve("seg");
    int[] argb = new int[90 * 40];
    Arrays.fill(argb, 0x80_40_40_40); // half-transparent grey: alpha is dropped
    TestImages.rgba(seg.resolve("imgs/a.png"), 90, 40, argb);
    TestImages.lesionFree(seg, "a", 90, 40);
    int[] rgb = new int[33 * 71];
    Arrays.fill(rgb, 0x102030);
    TestImages.rgb(seg.resolve("imgs/b.png"), 33, 71, rgb);
    TestImages.grey(seg.resolve("masks/b.png"), 33, 71, lesionMask(33, 71, 5, 20, 15));
    TestImages.filled(seg.resolve("imgs/c.jpg"), 128, 96, 90);
    TestImages.grey(seg.resolve("masks/c.png"), 128, 96, lesionMask(128, 96, 10, 10, 20));

    SegmentationFolder f = new SegmentationFolder(seg, ReaderOptions.defaults().withSize(64, 128));
    assertEquals(3, f.size());
    assertEquals(seg.resolve("imgs/a.png"), f.imagePath(0));
    SegmentationExample a = f.load(0);
    assertEquals(0x40 / 255f, a.image().pixel(0, 0, 0), 0f);
    // 90x40 -> short side 64 would make the long side 144 > 128: scale 128/90 -> 128x56
    assertEquals(128, a.image().width());
    assertEquals(56, a.image().height());
    assertEquals(40, a.image().originalHeight());
    assertEquals(0, a.count());
    SegmentationExample b = f.load(1);
    assertEquals(59, b.image().width()); // 33x71 -> 64x137 > 128: scale 128/71 -> 59x128
    assertEquals(1, b.count());
    SegmentationExample c = f.load(2); // JPEG
    assertEquals(85, c.image().width()); // 128x96 -> 85x64
    assertEquals(1, c.count());
    float sx = c.image().scaleX();
    assertEquals(10 * sx, c.boxes()[0], 1e-4f);
    assertEquals(30 * sx, c.boxes()[2], 1e-4f);
  }

  @Test
  void neitherImagesNorImgsIsAnErrorNamingTheFolder() {
    TestImages.filled(dir.resolve("masks/a.png"), 8, 8, 0);
    DataException e = assertThrows(DataException.class, () -> SegmentationFolder.open(dir));
    assertTrue(e.getMessage().contains("no images/ (or imgs/) folder"), e.getMessage());
  }

  @Test
  void statsDecodeEveryImageAndNameTheUnreadableAndTheMismatchedMasks() throws Exception {
    Path seg = dir.resolve("seg");
    TestImages.filled(seg.resolve("imgs/a.png"), 100, 60, 50);
    TestImages.grey(seg.resolve("masks/a.png"), 100, 60, lesionMask(100, 60, 0, 0, 20));
    int[] rgb = new int[40 * 80];
    TestImages.rgb(seg.resolve("imgs/b.png"), 40, 80, rgb);
    TestImages.grey(seg.resolve("masks/b.png"), 40, 80, lesionMask(40, 80, 0, 0, 11));
    TestImages.filled(seg.resolve("imgs/c.png"), 70, 70, 0);
    TestImages.filled(seg.resolve("masks/c.png"), 35, 35, 0); // wrong size
    Files.createDirectories(seg.resolve("imgs"));
    Files.writeString(seg.resolve("imgs/broken.png"), "not an image");
    TestImages.filled(seg.resolve("masks/broken.png"), 10, 10, 0);

    DatasetStats.Report r = DatasetStats.report(seg, 100, new Resizer(64, 128));
    String t = r.text();
    assertEquals(1, r.unreadable().size(), t);
    assertTrue(r.unreadable().get(0).startsWith("broken.png: "), t);
    assertTrue(t.contains("UNREADABLE files: 1"), t);
    assertTrue(
        t.contains(
            "decoded 3 images: width min 40 / median 70 / max 100, "
                + "height min 60 / median 70 / max 80"),
        t);
    assertTrue(t.contains("colour modes: L 2, RGB 1"), t);
    assertTrue(t.contains("c.png: mask is 35x35 but the image is 70x70"), t);
    // a: 20x20 box at scale 64/60 -> side 21.3; b: 11x11 at 64/40 -> 17.6
    assertTrue(t.contains("(min-size 64, max-size 128): min 17.6 / median 17.6 / max 21.3 px"), t);
  }

  @Test
  void statsOfATwoClassSplitWithJpegAndRgbaImages() throws Exception {
    Path cls = dir.resolve("cls");
    TestImages.filled(cls.resolve("images/n1.png"), 81, 38, 10);
    TestImages.filled(cls.resolve("images/n2.jpg"), 300, 200, 10);
    int[] argb = new int[50 * 50];
    Arrays.fill(argb, 0xFF_20_30_40);
    TestImages.rgba(cls.resolve("images/c1.png"), 50, 50, argb);
    Files.writeString(
        cls.resolve("train.txt"), "n1.png 0 0 0 81 38\nn2.jpg 0 0 0 300 200\nc1.png 2 0 0 50 50\n");
    DatasetStats.Report r = DatasetStats.report(cls.resolve("train.txt"), 100, Resizer.defaults());
    String t = r.text();
    assertTrue(r.unreadable().isEmpty(), t);
    assertTrue(t.contains("0 Normal          2"), t);
    assertTrue(t.contains("1 CP              0"), t);
    assertTrue(t.contains("2 COVID-19        1"), t);
    assertTrue(t.contains("colour modes: L 2, RGBA 1"), t);
    assertTrue(t.contains("width min 50 / median 81 / max 300"), t);

    CovidxSplit split = CovidxSplit.open(cls.resolve("train.txt"));
    ClassificationExample c1 = split.load(2);
    assertEquals(2, c1.label());
    assertArrayEquals(
        new float[] {0x20 / 255f, 0x30 / 255f, 0x40 / 255f},
        new float[] {
          c1.image().pixel(0, 0, 0), c1.image().pixel(0, 0, 1), c1.image().pixel(0, 0, 2)
        },
        0f);
    assertEquals(512, c1.image().width()); // 50x50 -> 512x512
    ClassificationExample n1 = split.load(0); // 81x38 -> 1024 long side caps: 1024x480
    assertEquals(1024, n1.image().width());
    assertEquals(480, n1.image().height());
  }
}
