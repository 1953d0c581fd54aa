package ssm.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentationFolderTest {
  @TempDir Path dir;

  /** A 30 wide x 20 high mask: lung everywhere, lesion block rows 2..11, cols 3..13 (110 px). */
  private static int[] maskWithOneLesion() {
    int[] m = new int[20 * 30];
    java.util.Arrays.fill(m, 1);
    for (int y = 2; y < 12; y++) {
      for (int x = 3; x < 14; x++) {
        m[y * 30 + x] = (x < 8) ? 2 : 3; // GGO and consolidation: one merged component
      }
    }
    m[19 * 30 + 29] = 2; // a 1-pixel lesion: below the area rule
    return m;
  }

  private void writeGood(String base) {
    TestImages.filled(dir.resolve("images/" + base + ".png"), 30, 20, 90);
    TestImages.grey(dir.resolve("masks/" + base + ".png"), 30, 20, maskWithOneLesion());
  }

  @Test
  void readsInstancesAndScalesThemWithTheImage() {
    writeGood("a");
    // short side 20 -> 40: scale 2, 40 x 60
    SegmentationFolder f = new SegmentationFolder(dir, ReaderOptions.defaults().withSize(40, 100));
    SegmentationExample ex = f.load(0);
    assertEquals("a.png", ex.id());
    assertEquals(40, ex.image().height());
    assertEquals(60, ex.image().width());
    assertEquals(1, ex.count());
    // original box x1 3, y1 2, x2 14, y2 12 (exclusive), times 2
    assertArrayEquals(new float[] {6, 4, 28, 24}, ex.boxes(), 0f);
    int sum = 0;
    for (byte b : ex.masks()) {
      sum += b;
    }
    assertEquals(110 * 4, sum); // nearest 2x: every pixel becomes a 2x2 block
    assertEquals(1, ex.masks()[4 * 60 + 6]);
    assertEquals(0, ex.masks()[4 * 60 + 5]);
  }

  @Test
  void sliceWithoutLesionIsNegative() {
    TestImages.filled(dir.resolve("images/n.jpg"), 30, 20, 90);
    TestImages.filled(dir.resolve("masks/n.png"), 30, 20, 1);
    SegmentationExample ex = SegmentationFolder.open(dir).load(0);
    assertEquals(0, ex.count());
    assertTrue(ex.negative());
    assertEquals(0, ex.boxes().length);
  }

  @Test
  void maskOfAnotherSizeIsAnError() {
    TestImages.filled(dir.resolve("images/slice_0042.png"), 30, 20, 90);
    TestImages.filled(dir.resolve("masks/slice_0042.png"), 16, 16, 0);
    DataException e = assertThrows(DataException.class, () -> SegmentationFolder.open(dir).load(0));
    assertEquals("slice_0042.png: mask is 16x16 but the image is 30x20", e.getMessage());
  }

  @Test
  void maskValueOutOfRangeNamesTheSlice() {
    TestImages.filled(dir.resolve("images/s.png"), 4, 4, 90);
    TestImages.filled(dir.resolve("masks/s.png"), 4, 4, 5);
    DataException e = assertThrows(DataException.class, () -> SegmentationFolder.open(dir).load(0));
    assertTrue(e.getMessage().startsWith("s.png: mask value 5 at (x=0, y=0) is outside 0-3"));
  }

  @Test
  void missingMaskIsAnError() {
    TestImages.filled(dir.resolve("images/lonely.png"), 4, 4, 90);
    TestImages.filled(dir.resolve("masks/other.png"), 4, 4, 0);
    DataException e = assertThrows(DataException.class, () -> SegmentationFolder.open(dir));
    assertEquals("lonely.png: no mask " + Path.of("masks", "lonely.png"), e.getMessage());
  }

  @Test
  void corruptImageNamesTheFile() throws Exception {
    Files.createDirectories(dir.resolve("images"));
    Files.write(dir.resolve("images/bad.png"), new byte[] {9, 9, 9});
    TestImages.filled(dir.resolve("masks/bad.png"), 4, 4, 0);
    DataException e = assertThrows(DataException.class, () -> SegmentationFolder.open(dir).load(0));
    assertEquals("bad.png: not a readable PNG or JPEG image", e.getMessage());
  }

  @Test
  void emptyFolderIsAnError() throws Exception {
    Files.createDirectories(dir.resolve("images"));
    Files.createDirectories(dir.resolve("masks"));
    DataException e = assertThrows(DataException.class, () -> SegmentationFolder.open(dir));
    assertTrue(e.getMessage().contains("segmentation folder has no usable images"));
  }

  @Test
  void skipBadSkipsAndReportsEachBadItem() throws Exception {
    writeGood("a_good");
    Files.write(dir.resolve("images/b_corrupt.png"), new byte[] {9, 9, 9});
    TestImages.filled(dir.resolve("masks/b_corrupt.png"), 30, 20, 0);
    TestImages.filled(dir.resolve("images/c_nomask.png"), 30, 20, 0);
    TestImages.filled(dir.resolve("images/d_size.png"), 30, 20, 0);
    TestImages.filled(dir.resolve("masks/d_size.png"), 20, 20, 0);
    SegmentationFolder f = new SegmentationFolder(dir, ReaderOptions.defaults().withSkipBad(true));
    assertEquals(3, f.size()); // c_nomask left out while listing
    List<String> ids = new ArrayList<>();
    try (Prefetcher<SegmentationExample> p = Prefetcher.inOrder(f, 2)) {
      p.forEachRemaining(ex -> ids.add(ex.id()));
    }
    assertEquals(List.of("a_good.png"), ids);
    assertEquals(3, f.badItems().count());
    String summary = f.badItems().summary();
    assertTrue(summary.startsWith("skipped 3 bad items:"), summary);
    assertTrue(summary.contains("c_nomask.png: no mask"), summary);
    assertTrue(summary.contains("b_corrupt.png: not a readable"), summary);
    assertTrue(summary.contains("d_size.png: mask is 20x20 but the image is 30x20"), summary);
  }
}
