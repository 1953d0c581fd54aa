package ssm.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssm.data.synthetic.SyntheticCtGenerator;
import ssm.data.synthetic.SyntheticDescriptor;
import ssm.report.DataReference;

class DataReferencesTest {
  private static Path synthetic(Path dir) {
    SyntheticCtGenerator.generate(
        dir, new SyntheticCtGenerator.Options(5, 5, 64, 3), (done, total) -> {});
    return dir;
  }

  @Test
  void generatedDataIsSyntheticWithItsSeedAndSize(@TempDir Path dir) {
    Path root = synthetic(dir.resolve("synth"));
    DataReference seg = DataReferences.of("segmentation", root.resolve("seg/test"));
    assertEquals(DataReference.Kind.SYNTHETIC, seg.kind());
    assertEquals(3L, seg.seed());
    assertEquals(64, seg.size());
    assertEquals("seg/test", seg.path());
    assertEquals(DataReferences.relativeWherePossible(root), seg.root());
    assertEquals(
        "synthetic (built-in generator, seed 3, 64 px): seg/test of "
            + root.toAbsolutePath().normalize(),
        seg.description());
    assertEquals(
        "cls/test.txt", DataReferences.of("classification", root.resolve("cls/test.txt")).path());
    assertTrue(DataReferences.generated(root.resolve("cls/train.txt")));
  }

  @Test
  void dataOfTheEarlierGeneratorIsStillSynthetic(@TempDir Path dir) throws Exception {
    Path root = synthetic(dir.resolve("synth"));
    Files.delete(root.resolve(SyntheticDescriptor.FILE));
    DataReference cls = DataReferences.of("classification", root.resolve("cls/test.txt"));
    assertEquals(DataReference.Kind.SYNTHETIC, cls.kind());
    assertEquals(3L, cls.seed());
  }

  @Test
  void otherDataIsRealAndNamedByItsPath(@TempDir Path dir) throws Exception {
    Path test = dir.resolve("cncb/test");
    Files.createDirectories(test);
    DataReference seg = DataReferences.of("segmentation", test);
    assertEquals(DataReference.Kind.REAL, seg.kind());
    assertEquals("segmentation " + test.toAbsolutePath().normalize(), seg.description());
    assertNull(seg.seed());
    assertFalse(DataReferences.generated(test));
  }

  @Test
  void pathsBelowTheWorkingFolderAreRelative() {
    Path here = Path.of("").toAbsolutePath();
    assertEquals("data/x", DataReferences.relativeWherePossible(here.resolve("data/x")));
    assertEquals("/elsewhere/x", DataReferences.relativeWherePossible(Path.of("/elsewhere/x")));
  }
}
