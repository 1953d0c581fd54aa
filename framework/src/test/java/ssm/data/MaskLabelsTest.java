package ssm.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaskLabelsTest {
  @TempDir Path dir;

  /** A 50 x 20 mask (1,000 px) with {@code lesion} pixels of value 2 in its first row(s). */
  private void slice(Path folder, String base, int lesion) {
    int[] m = new int[20 * 50];
    for (int i = 0; i < lesion; i++) {
      m[i] = 2;
    }
    TestImages.filled(folder.resolve("images/" + base + ".png"), 50, 20, 80);
    TestImages.grey(folder.resolve("masks/" + base + ".png"), 50, 20, m);
  }

  @Test
  void labelsBySliceShareOfLesionPixels() {
    Path seg = dir.resolve("seg");
    slice(seg, "radiopaedia_a_1", 0); // 0.000: Normal
    slice(seg, "radiopaedia_a_2", 1); // 0.001: Normal
    slice(seg, "radiopaedia_a_3", 2); // 0.002: COVID-19 (at the threshold)
    slice(seg, "radiopaedia_a_4", 300); // 0.300: COVID-19
    List<MaskLabels.Line> lines = MaskLabels.fromSegmentationFolder(seg, 0.002);
    assertEquals(4, lines.size());
    assertEquals(List.of(0, 0, 2, 2), lines.stream().map(MaskLabels.Line::label).toList());
    assertEquals(0.001, lines.get(1).lesionFraction(), 1e-12);
    assertEquals(0.3, lines.get(3).lesionFraction(), 1e-12);
    assertEquals("radiopaedia_a_4.png 2 0 0 50 20 radiopaedia", lines.get(3).text());
    // a higher threshold moves the 0.002 slice to Normal
    assertEquals(
        List.of(0, 0, 0, 2),
        MaskLabels.fromSegmentationFolder(seg, 0.01).stream().map(MaskLabels.Line::label).toList());
  }

  @Test
  void writesOneSplitOfSeveralSourcesThatTheReaderTakes() throws Exception {
    Path seg = dir.resolve("seg");
    slice(seg, "medseg_000", 100);
    Path cls = dir.resolve("cls");
    TestImages.filled(cls.resolve("images/0_ucsd_noncovid_1.png"), 30, 40, 60);
    Files.writeString(cls.resolve("train.txt"), "0_ucsd_noncovid_1.png 0 1 2 29 39\n");
    List<MaskLabels.Line> lines = new ArrayList<>(MaskLabels.fromSegmentationFolder(seg, 0.002));
    lines.addAll(MaskLabels.fromSplit(cls.resolve("train.txt")));
    Path out = dir.resolve("out/train.txt");
    Files.createDirectories(out.getParent());
    MaskLabels.write(lines, out);
    assertEquals(
        List.of("medseg_000.png 2 0 0 50 20 medseg", "0_ucsd_noncovid_1.png 0 1 2 29 39 ucsd"),
        Files.readAllLines(out));
    assertTrue(Files.isSymbolicLink(out.resolveSibling("images/medseg_000.png")));
    assertEquals("medseg: 1 COVID-19; ucsd: 1 Normal", MaskLabels.summary(lines));
    CovidxSplit split = CovidxSplit.open(out);
    assertEquals(2, split.size());
    assertEquals(2, split.load(0).label());
    assertEquals("ucsd", SliceCollection.of(split, 1));
    // writing again over the same links is fine
    MaskLabels.write(lines, out);
  }

  @Test
  void refusesTwoImagesOfOneNameAndABadThreshold() {
    slice(dir.resolve("a"), "medseg_000", 10);
    slice(dir.resolve("b"), "medseg_000", 10);
    List<MaskLabels.Line> lines = new ArrayList<>();
    lines.addAll(MaskLabels.fromSegmentationFolder(dir.resolve("a"), 0.002));
    lines.addAll(MaskLabels.fromSegmentationFolder(dir.resolve("b"), 0.002));
    DataException e =
        assertThrows(DataException.class, () -> MaskLabels.write(lines, dir.resolve("s.txt")));
    assertTrue(e.getMessage().contains("two images of this name"), e.getMessage());
    DataException f =
        assertThrows(
            DataException.class, () -> MaskLabels.fromSegmentationFolder(dir.resolve("a"), 0));
    assertTrue(f.getMessage().contains("--min-lesion-fraction"), f.getMessage());
  }
}
