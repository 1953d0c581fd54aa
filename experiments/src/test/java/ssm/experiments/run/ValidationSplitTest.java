package ssm.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssm.data.CovidxSplit;
import ssm.data.SegmentationFolder;

class ValidationSplitTest {
  @TempDir Path dir;

  private static void png(Path file) throws Exception {
    Files.createDirectories(file.getParent());
    ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY), "png", file.toFile());
  }

  @Test
  void cutsASeededStratifiedSplitAndRecordsIt() throws Exception {
    Path seg = dir.resolve("seg"); // one folder, no train/val/test: imgs/ as the author's code
    for (int i = 0; i < 10; i++) {
      png(seg.resolve("imgs/s" + i + ".png"));
      png(seg.resolve("masks/s" + i + ".png"));
    }
    Path cls = dir.resolve("cls");
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 15; i++) { // 10 of class 0, 5 of class 2, no CP
      String name = "c" + i + ".png";
      png(cls.resolve("images/" + name));
      lines.add(name + " " + (i < 10 ? 0 : 2) + " 0 0 8 8");
    }
    Files.write(cls.resolve("train_COVIDx_CT.txt"), lines);

    DataSources given =
        new DataSources(
            seg,
            null,
            null,
            cls.resolve("train_COVIDx_CT.txt"),
            null,
            null,
            "segmentation seg, classification cls");
    DataSources cut = given.withValidationSplit(dir.resolve("run"), 7);
    assertEquals(8, SegmentationFolder.open(cut.segTrain()).size());
    assertEquals(2, SegmentationFolder.open(cut.segVal()).size());
    CovidxSplit val = CovidxSplit.open(cut.clsVal());
    assertEquals(3, val.size()); // 20% of 10 + 20% of 5
    assertEquals(12, CovidxSplit.open(cut.clsTrain()).size());
    assertEquals(
        1,
        (int)
            java.util.stream.IntStream.range(0, 3).filter(i -> val.entry(i).label() == 2).count());
    assertTrue(cut.description().contains("validation split cut by seed 7"), cut.description());

    JsonNode json = new ObjectMapper().readTree(dir.resolve("run/split/split.json").toFile());
    assertEquals(7, json.get("seed").asInt());
    assertEquals(2, json.at("/segmentation/val").size());
    assertEquals(8, json.at("/segmentation/train").size());
    assertEquals(2, json.at("/classification/val_per_class/0").asInt());
    assertEquals(1, json.at("/classification/val_per_class/2").asInt());

    // the same seed gives the same split (a resumed run); another seed another one
    String first = json.at("/segmentation/val").toString();
    given.withValidationSplit(dir.resolve("run"), 7);
    assertEquals(
        first,
        new ObjectMapper()
            .readTree(dir.resolve("run/split/split.json").toFile())
            .at("/segmentation/val")
            .toString());
    given.withValidationSplit(dir.resolve("other"), 8);
    JsonNode other = new ObjectMapper().readTree(dir.resolve("other/split/split.json").toFile());
    assertTrue(
        !first.equals(other.at("/segmentation/val").toString())
            || !json.at("/classification/val").equals(other.at("/classification/val")));
  }

  @Test
  void dataWithItsOwnValidationSplitIsLeftAlone() {
    DataSources given =
        new DataSources(
            dir.resolve("t"),
            dir.resolve("v"),
            null,
            dir.resolve("train.txt"),
            dir.resolve("val.txt"),
            null,
            "user data");
    DataSources same = given.withValidationSplit(dir.resolve("run"), 1);
    assertEquals(given, same);
    assertTrue(!Files.exists(dir.resolve("run/split")));
  }

  /** seg: 4 medseg and 3 radiopaedia slices; cls: 6 ucsd lines and 4 named "north" in column 7. */
  private DataSources twoCollections() throws Exception {
    Path seg = dir.resolve("seg");
    for (String name :
        List.of(
            "medseg_0",
            "medseg_1",
            "medseg_2",
            "medseg_3",
            "radiopaedia_a",
            "radiopaedia_b",
            "radiopaedia_c")) {
      png(seg.resolve("images/" + name + ".png"));
      png(seg.resolve("masks/" + name + ".png"));
    }
    Path cls = dir.resolve("cls");
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String name = (i % 2 == 0 ? 0 : 2) + "_ucsd_" + i + ".png";
      png(cls.resolve("images/" + name));
      lines.add(name + " " + (i % 2 == 0 ? 0 : 2) + " 0 0 8 8" + (i < 4 ? " north" : ""));
    }
    Files.write(cls.resolve("train.txt"), lines);
    return new DataSources(seg, null, null, cls.resolve("train.txt"), null, null, "two");
  }

  @Test
  void heldOutCollectionsValidateWholeAndTheRunFolderRecordsThem() throws Exception {
    DataSources cut =
        twoCollections()
            .withValidationSplit(
                dir.resolve("run"), 7, new HeldOutCollections(List.of("radiopaedia", "north")));
    SegmentationFolder segVal = SegmentationFolder.open(cut.segVal());
    assertEquals(3, segVal.size());
    assertEquals("radiopaedia_a.png", segVal.id(0));
    assertEquals(4, SegmentationFolder.open(cut.segTrain()).size());
    // the 4 lines of column 7 "north" validate, the 6 others train
    CovidxSplit clsVal = CovidxSplit.open(cut.clsVal());
    assertEquals(4, clsVal.size());
    assertEquals("north", clsVal.entry(0).collection());
    assertEquals(6, CovidxSplit.open(cut.clsTrain()).size());
    assertTrue(cut.description().contains("validation on the collections north, radiopaedia"));

    JsonNode json = new ObjectMapper().readTree(dir.resolve("run/split/split.json").toFile());
    assertEquals("[\"north\",\"radiopaedia\"]", json.get("validation_collections").toString());
    assertEquals("[\"medseg\"]", json.at("/segmentation/train_collections").toString());
    assertEquals("[\"radiopaedia\"]", json.at("/segmentation/val_collections").toString());
    assertEquals("[\"ucsd\"]", json.at("/classification/train_collections").toString());
    assertEquals("[\"north\"]", json.at("/classification/val_collections").toString());
    assertEquals(2, json.at("/classification/val_per_class/0").asInt());
  }

  @Test
  void aSetWithoutTheHeldOutCollectionsIsSplitAsUsual() throws Exception {
    DataSources cut =
        twoCollections()
            .withValidationSplit(dir.resolve("run"), 7, new HeldOutCollections(List.of("medseg")));
    assertEquals(4, SegmentationFolder.open(cut.segVal()).size());
    // classification holds no medseg: 20% of each class (3 of class 0 + 3 of class 2 in train)
    assertEquals(2, CovidxSplit.open(cut.clsVal()).size());
  }

  @Test
  void aCollectionTheDataDoesNotHoldIsNamedWithThoseItHolds() throws Exception {
    DataSources given = twoCollections();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                given.withValidationSplit(
                    dir.resolve("run"), 7, new HeldOutCollections(List.of("mosmed"))));
    assertEquals(
        "data.validation-collections names [mosmed], which the training data does not hold; its"
            + " collections are [medseg, north, radiopaedia, ucsd] (docs/reference/data.md, \"A slice's"
            + " collection\")",
        e.getMessage());
  }

  @Test
  void holdingOutEverySliceOfASetIsAnError() throws Exception {
    DataSources given = twoCollections();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                given.withValidationSplit(
                    dir.resolve("run"), 7, new HeldOutCollections(List.of("north", "ucsd"))));
    assertTrue(
        e.getMessage().contains("holds out every slice of the classification split"),
        e.getMessage());
  }
}
