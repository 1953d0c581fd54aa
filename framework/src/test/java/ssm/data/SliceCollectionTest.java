package ssm.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SliceCollectionTest {
  @Test
  void theCollectionIsTheFileNamesLeadingLettersAfterAClassPrefix() {
    assertEquals("medseg", SliceCollection.fromFileName("medseg_000.png"));
    assertEquals("ucsd", SliceCollection.fromFileName("2_ucsd_covid_0100.png"));
    assertEquals("ucsd", SliceCollection.fromFileName("0_ucsd_noncovid_7.jpg"));
    assertEquals(
        "radiopaedia", SliceCollection.fromFileName("radiopaedia_case10_85902_1-dcm_1.png"));
    assertEquals("NCP", SliceCollection.fromFileName("NCP_96_1328_0032.png"));
    assertEquals("volume", SliceCollection.fromFileName("volume-covid19-A-0003_day000_0.png"));
    assertEquals("scan", SliceCollection.fromFileName("scan12.png"));
    assertEquals("seg", SliceCollection.fromFileName("sub/dir/seg_00001.png"));
  }

  @Test
  void aSplitLineNamesItsCollectionInTheSeventhColumnOrByItsFile() {
    assertEquals("north", SliceCollection.ofSplitLine("a_1.png 0 0 0 4 4 north"));
    assertEquals("ucsd", SliceCollection.ofSplitLine("2_ucsd_covid_0100.png 2 0 0 489 336"));
  }

  @Test
  void aNameStartingWithNoLetterIsUnnamed() {
    assertEquals(SliceCollection.UNNAMED, SliceCollection.fromFileName("001.png"));
    assertEquals(SliceCollection.UNNAMED, SliceCollection.fromFileName("2_017.png"));
    assertEquals(SliceCollection.UNNAMED, SliceCollection.fromFileName("_a.png"));
  }

  @Test
  void aSplitFilesSeventhColumnWinsOverTheName(@TempDir Path dir) throws Exception {
    TestImages.filled(dir.resolve("images/a_1.png"), 4, 4, 0);
    TestImages.filled(dir.resolve("images/b_1.png"), 4, 4, 0);
    Path split =
        Files.write(
            dir.resolve("test.txt"), List.of("a_1.png 0 0 0 4 4 north", "b_1.png 2 0 0 4 4"));
    CovidxSplit data = CovidxSplit.open(split);
    assertEquals("north", SliceCollection.of(data, 0));
    assertEquals("b", SliceCollection.of(data, 1));
  }

  @Test
  void countsAreByCollectionInNameOrder(@TempDir Path dir) throws Exception {
    for (String name : new String[] {"c_1.png", "a_1.png", "c_2.png"}) {
      TestImages.filled(dir.resolve("images/" + name), 4, 4, 0);
    }
    Path split =
        Files.write(
            dir.resolve("test.txt"),
            List.of("c_1.png 0 0 0 4 4", "a_1.png 2 0 0 4 4", "c_2.png 2 0 0 4 4 north"));
    assertEquals(
        List.of("a=1", "c=1", "north=1"),
        SliceCollection.counts(CovidxSplit.open(split)).entrySet().stream()
            .map(Object::toString)
            .toList());
  }

  @Test
  void aSegmentationFoldersSlicesAreNamedByTheirFiles(@TempDir Path dir) throws Exception {
    for (String name : new String[] {"medseg_000", "radiopaedia_case1_5"}) {
      TestImages.filled(dir.resolve("images/" + name + ".png"), 4, 4, 0);
      TestImages.filled(dir.resolve("masks/" + name + ".png"), 4, 4, 0);
    }
    SegmentationFolder data = SegmentationFolder.open(dir);
    assertEquals("medseg", SliceCollection.of(data, 0));
    assertEquals("radiopaedia", SliceCollection.of(data, 1));
    // a collection's subset is still a folder, read the same way
    LazyDataset<SegmentationExample> one = LazySubset.of(data, List.of(1));
    assertEquals(SegmentationFolder.class, one.getClass());
    assertEquals(1, one.size());
    assertEquals("radiopaedia_case1_5.png", one.id(0));
    assertEquals(0, ((SegmentationFolder) one).instances(0).count());
  }
}
