package ssm.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssm.data.synthetic.SyntheticCtGenerator;

class DatasetStatsTest {
  @TempDir Path dir;

  @Test
  void countsLesionsAndAreasOfASegmentationFolder() {
    int[] m = new int[20 * 20];
    for (int y = 0; y < 11; y++) {
      for (int x = 0; x < 10; x++) {
        m[y * 20 + x] = 2; // 110 px
      }
    }
    for (int y = 15; y < 20; y++) {
      for (int x = 15; x < 20; x++) {
        m[y * 20 + x] = 3; // 25 px: below the area rule
      }
    }
    TestImages.filled(dir.resolve("images/a.png"), 20, 20, 0);
    TestImages.grey(dir.resolve("masks/a.png"), 20, 20, m);
    TestImages.filled(dir.resolve("images/b.png"), 20, 20, 0);
    TestImages.filled(dir.resolve("masks/b.png"), 20, 20, 1);
    DatasetStats.SegmentationStats s = DatasetStats.segmentation(SegmentationFolder.open(dir));
    assertEquals(2, s.slices());
    assertArrayEquals(new int[] {1, 0}, s.lesionsPerImage());
    assertArrayEquals(new int[] {110}, s.areas());
    assertEquals(1, s.negatives());
    String text = DatasetStats.report(dir, 100);
    assertTrue(
        text.contains("2 slices, 1 lesions (area > 100 px), 1 negatives, 0.50 lesions per"), text);
    assertTrue(text.contains("101-200           1  ####"), text);
  }

  @Test
  void countsImagesPerClassOfTheSyntheticLayout() throws Exception {
    SyntheticCtGenerator.generate(dir, new SyntheticCtGenerator.Options(5, 6, 64, 1), (d, t) -> {});
    String text = DatasetStats.report(dir, 100);
    assertTrue(text.contains("seg/train: 4 slices"), text);
    assertTrue(text.contains("seg/test: 1 slices"), text);
    assertTrue(text.contains("cls/train.txt: 4 images"), text); // 60% of 6 rounds to 4
    assertTrue(text.contains("0 Normal          2"), text);
    Files.writeString(
        dir.resolve("cls/val.txt"),
        "nope.png 0 0 0 4 4\n",
        java.nio.file.StandardOpenOption.APPEND);
    String withBad = DatasetStats.report(dir, 100);
    assertTrue(withBad.contains("skipped 1 bad item:"), withBad);
  }
}
