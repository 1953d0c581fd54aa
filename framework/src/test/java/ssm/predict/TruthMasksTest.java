package ssm.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssm.data.DataException;
import ssm.data.TestImages;

class TruthMasksTest {
  @TempDir Path dir;

  @Test
  void lesionsAreTheComponentsAboveTheMinimumAreaLungIsNot() {
    // 8 x 6 mask: GGO 2x2 at cols 0-1 rows 0-1 (4 px), consolidation 3x2 at cols 4-6 rows 3-4 (6
    // px),
    // a lung band in row 5; minimum area 4 keeps only the 6-px lesion (areas must be > 4)
    int w = 8;
    int h = 6;
    int[] v = new int[w * h];
    v[0] = v[1] = v[w] = v[w + 1] = 2;
    for (int y = 3; y <= 4; y++) {
      for (int x = 4; x <= 6; x++) {
        v[y * w + x] = 3;
      }
    }
    for (int x = 0; x < w; x++) {
      v[5 * w + x] = 1;
    }
    TestImages.grey(dir.resolve("masks/s1.png"), w, h, v);
    List<TruthLesion> lesions =
        new TruthMasks(dir.resolve("masks"), 4).lesions(Path.of("scans/s1.jpg"), h, w);
    assertEquals(1, lesions.size());
    assertArrayEquals(new float[] {4, 3, 7, 5}, lesions.get(0).box());
    assertEquals(6, lesions.get(0).area());
    assertEquals(6, lesions.get(0).mask().area());
  }

  @Test
  void aMaskOfAnotherSizeIsAnErrorNamingBothFiles() {
    TestImages.grey(dir.resolve("masks/s1.png"), 6, 4, new int[24]);
    DataException e =
        assertThrows(
            DataException.class,
            () -> new TruthMasks(dir.resolve("masks"), 100).lesions(Path.of("scans/s1.png"), 8, 8));
    assertEquals(
        dir.resolve("masks/s1.png")
            + ": mask is 6x4 but the image is 8x8 ("
            + Path.of("scans/s1.png")
            + ")",
        e.getMessage());
  }

  @Test
  void missingMasksAreNamedBeforeAnythingIsPredicted() {
    TestImages.grey(dir.resolve("masks/a.png"), 2, 2, new int[4]);
    TruthMasks truth = new TruthMasks(dir.resolve("masks"), 100);
    truth.requireMasks(List.of(Path.of("x/a.png")));
    DataException e =
        assertThrows(
            DataException.class,
            () ->
                truth.requireMasks(
                    List.of(Path.of("x/a.png"), Path.of("x/b.jpg"), Path.of("c.png"))));
    assertTrue(
        e.getMessage()
            .startsWith(
                Path.of("x/b.jpg")
                    + ": no ground-truth mask "
                    + dir.resolve("masks/b.png")
                    + " (1 more"),
        e.getMessage());
    DataException noFolder =
        assertThrows(
            DataException.class,
            () -> new TruthMasks(dir.resolve("nope"), 100).requireMasks(List.of(Path.of("a.png"))));
    assertEquals(dir.resolve("nope") + ": folder does not exist", noFolder.getMessage());
  }
}
