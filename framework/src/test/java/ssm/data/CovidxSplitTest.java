package ssm.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CovidxSplitTest {
  @TempDir Path dir;

  private Path split(String name, String... lines) throws Exception {
    return Files.write(dir.resolve(name), java.util.List.of(lines));
  }

  @Test
  void parsesALine() {
    CovidxSplit.Entry e =
        CovidxSplit.parse("t.txt", 3, "NCP_96_1328_0032.png 2 9 94 512 405", null);
    assertEquals(new CovidxSplit.Entry("NCP_96_1328_0032.png", 2, 9, 94, 512, 405, 3), e);
  }

  @Test
  void aSeventhColumnNamesTheCollection() {
    CovidxSplit.Entry e = CovidxSplit.parse("t.txt", 1, "x_1.png 2 0 0 4 4 hospitalB", null);
    assertEquals("hospitalB", e.collection());
    assertEquals(null, CovidxSplit.parse("t.txt", 1, "x_1.png 2 0 0 4 4", null).collection());
  }

  @Test
  void readsSplitWithImagesBeside() throws Exception {
    TestImages.filled(dir.resolve("images/a.png"), 16, 8, 255);
    TestImages.filled(dir.resolve("images/b.png"), 16, 8, 0);
    Path s = split("train.txt", "# comment", "a.png 0 0 0 16 8", "", "b.png 2 4 2 12 6");
    CovidxSplit ds =
        new CovidxSplit(
            s, CovidxSplit.defaultImagesDir(s), ReaderOptions.defaults().withSize(8, 16));
    assertEquals(2, ds.size());
    assertEquals("b.png", ds.id(1));
    ClassificationExample ex = ds.load(1);
    assertEquals(2, ex.label());
    assertEquals(8, ex.image().height());
    assertEquals(16, ex.image().width());
  }

  @Test
  void cropsToTheBoxBeforeResizing() throws Exception {
    int[] v = new int[16 * 8];
    v[2 * 16 + 4] = 255; // pixel (x=4, y=2) = the crop's top-left corner
    TestImages.grey(dir.resolve("images/a.png"), 16, 8, v);
    Path s = split("val.txt", "a.png 1 4 2 12 6");
    CovidxSplit ds =
        new CovidxSplit(
            s, dir.resolve("images"), ReaderOptions.defaults().withSize(4, 8).withCropToBox(true));
    Slice img = ds.load(0).image(); // crop 8 wide x 4 high, already at min size 4
    assertEquals(4, img.height());
    assertEquals(8, img.width());
    assertEquals(1f, img.pixel(0, 0, 0), 0f);
    assertEquals(0f, img.pixel(0, 1, 0), 0f);
  }

  @Test
  void malformedLineGivesItsNumber() throws Exception {
    TestImages.filled(dir.resolve("images/a.png"), 4, 4, 0);
    Path s = split("train.txt", "a.png 0 0 0 4 4", "a.png 1 0 0");
    DataException e = assertThrows(DataException.class, () -> CovidxSplit.open(s));
    assertEquals(
        "train.txt:2: expected 'filename class xmin ymin xmax ymax [collection]' (6 or 7 fields),"
            + " got 4 "
            + "fields: 'a.png 1 0 0'",
        e.getMessage());
  }

  @Test
  void nonNumericFieldGivesItsName() throws Exception {
    Files.createDirectories(dir.resolve("images"));
    Path s = split("train.txt", "a.png 0 0 zero 4 4");
    DataException e = assertThrows(DataException.class, () -> CovidxSplit.open(s));
    assertEquals("train.txt:1: ymin 'zero' is not an integer", e.getMessage());
  }

  @Test
  void classOutOfRange() throws Exception {
    TestImages.filled(dir.resolve("images/a.png"), 4, 4, 0);
    Path s = split("train.txt", "a.png 3 0 0 4 4");
    DataException e = assertThrows(DataException.class, () -> CovidxSplit.open(s));
    assertEquals(
        "train.txt:1: class 3 is outside 0-2 (0 Normal, 1 CP, 2 COVID-19)", e.getMessage());
  }

  @Test
  void missingImage() throws Exception {
    Files.createDirectories(dir.resolve("images"));
    Path s = split("train.txt", "gone.png 0 0 0 4 4");
    DataException e = assertThrows(DataException.class, () -> CovidxSplit.open(s));
    assertTrue(e.getMessage().startsWith("train.txt:1: image "), e.getMessage());
    assertTrue(e.getMessage().endsWith("gone.png does not exist"), e.getMessage());
  }

  @Test
  void emptySplitIsAnError() throws Exception {
    Files.createDirectories(dir.resolve("images"));
    Path s = split("test.txt", "# nothing here");
    DataException e = assertThrows(DataException.class, () -> CovidxSplit.open(s));
    assertEquals("test.txt: split 'test' in " + dir + " is empty", e.getMessage());
  }

  @Test
  void corruptImageFailsOnLoadNamingTheFile() throws Exception {
    Files.createDirectories(dir.resolve("images"));
    Files.write(dir.resolve("images/x.png"), new byte[] {0});
    DataException e =
        assertThrows(
            DataException.class, () -> CovidxSplit.open(split("t.txt", "x.png 0 0 0 4 4")).load(0));
    assertEquals("x.png: not a readable PNG or JPEG image", e.getMessage());
  }

  @Test
  void skipBadKeepsTheGoodLinesAndListsTheBadOnes() throws Exception {
    TestImages.filled(dir.resolve("2A_images/a.png"), 4, 4, 0);
    Path s = split("train.txt", "a.png 0 0 0 4 4", "a.png 9 0 0 4 4", "b.png 0 0 0 4 4", "junk");
    CovidxSplit ds =
        new CovidxSplit(
            s, CovidxSplit.defaultImagesDir(s), ReaderOptions.defaults().withSkipBad(true));
    assertEquals(1, ds.size());
    assertEquals(3, ds.badItems().count());
    assertTrue(ds.badItems().messages().get(0).startsWith("train.txt:2: class 9"));
  }

  @Test
  void classPrefixedFolderReadsLabelsFromNames() throws Exception {
    TestImages.filled(dir.resolve("cls/2_x.png"), 4, 4, 0);
    TestImages.filled(dir.resolve("cls/0_y.png"), 4, 4, 0);
    ClassPrefixedFolder f = new ClassPrefixedFolder(dir.resolve("cls"), ReaderOptions.defaults());
    assertEquals("0_y.png", f.id(0));
    assertEquals(0, f.label(0));
    assertEquals(2, f.load(1).label());
    assertEquals(512, f.load(1).image().height());
  }

  @Test
  void classPrefixedFolderRejectsBadNames() throws Exception {
    TestImages.filled(dir.resolve("cls/5_x.png"), 4, 4, 0);
    DataException e =
        assertThrows(
            DataException.class,
            () -> new ClassPrefixedFolder(dir.resolve("cls"), ReaderOptions.defaults()));
    assertEquals("5_x.png: class 5 is outside 0-2 (0 Normal, 1 CP, 2 COVID-19)", e.getMessage());
    Files.delete(dir.resolve("cls/5_x.png"));
    TestImages.filled(dir.resolve("cls/covid.png"), 4, 4, 0);
    e =
        assertThrows(
            DataException.class,
            () -> new ClassPrefixedFolder(dir.resolve("cls"), ReaderOptions.defaults()));
    assertTrue(e.getMessage().startsWith("covid.png: file name must start with the class id"));
  }
}
