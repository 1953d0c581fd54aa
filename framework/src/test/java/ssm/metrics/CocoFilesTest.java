package ssm.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CocoFilesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  // one 4x4 image; ann 1 a polygon (2x2 square at the origin, see RleTest), ann 2 compressed RLE
  // "322OO" needs a 3x3 size, so it carries its own size; ann 3 uncompressed counts, crowd, no
  // area and no bbox (filled from the mask: counts [0,2,14] on 4x4 = pixels (0,0),(0,1): area 2,
  // box [0,0,1,2]); image 2 has no annotation at all
  private static final String GT =
      """
      {"images": [{"id": 1, "width": 4, "height": 4, "file_name": "a.png"}, {"id": 2, "width": 4, "height": 4}],
       "annotations": [
         {"id": 1, "image_id": 1, "category_id": 1, "segmentation": [[0, 0, 0, 2, 2, 2, 2, 0]],
          "bbox": [0, 0, 2, 2], "area": 4, "iscrowd": 0},
         {"id": 2, "image_id": 1, "category_id": 2, "segmentation": {"size": [3, 3], "counts": "322OO"},
          "bbox": [1, 0, 2, 2], "area": 3, "iscrowd": 0},
         {"id": 3, "image_id": 1, "category_id": 1, "segmentation": {"size": [4, 4], "counts": [0, 2, 14]},
          "iscrowd": 1}],
       "categories": [{"id": 1, "name": "ggo"}, {"id": 2, "name": "consolidation", "supercategory": "lesion"}]}
      """;

  @Test
  void readsPolygonsCompressedAndUncompressedRle() throws Exception {
    CocoDataset d = CocoFiles.parseGroundTruth(JSON.readTree(GT), "gt.json");
    assertEquals(2, d.images().size());
    assertNull(d.images().get(1).fileName());
    assertEquals(3, d.annotations().size());
    CocoAnnotation poly = d.annotations().get(0);
    assertTrue(poly.segmentation() instanceof CocoSegmentation.Polygons);
    assertArrayEquals(new int[] {0, 2, 2, 2, 10}, poly.segmentation().toRle(4, 4).counts());
    CocoAnnotation compressed = d.annotations().get(1);
    assertArrayEquals(new int[] {3, 2, 2, 1, 1}, compressed.segmentation().toRle(4, 4).counts());
    CocoAnnotation crowd = d.annotations().get(2);
    assertTrue(crowd.iscrowd());
    assertEquals(2, crowd.area(), 0);
    assertArrayEquals(new double[] {0, 0, 1, 2}, crowd.bbox(), 0);
    assertEquals("lesion", d.categories().get(1).supercategory());
  }

  @Test
  void groundTruthAndResultsRoundTrip(@TempDir Path dir) throws Exception {
    CocoDataset d = CocoFiles.parseGroundTruth(JSON.readTree(GT), "gt.json");
    Path file = dir.resolve("out/gt.json");
    CocoFiles.writeGroundTruth(file, d);
    CocoDataset back = CocoFiles.readGroundTruth(file);
    assertEquals(d.annotations().size(), back.annotations().size());
    for (int i = 0; i < d.annotations().size(); i++) {
      CocoAnnotation a = d.annotations().get(i);
      CocoAnnotation b = back.annotations().get(i);
      assertEquals(a.segmentation().toRle(4, 4), b.segmentation().toRle(4, 4));
      assertArrayEquals(a.bbox(), b.bbox(), 0);
      assertEquals(a.area(), b.area(), 0);
      assertEquals(a.iscrowd(), b.iscrowd());
    }
    Rle mask = Rle.encode(new byte[] {0, 1, 1, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0}, 4, 4);
    List<CocoDetection> results =
        List.of(
            CocoDetection.ofMask(1, 1, 0.75, mask, true),
            CocoDetection.ofMask(2, 2, 0.25, mask, false));
    Path res = dir.resolve("dt.json");
    CocoFiles.writeResults(res, results);
    List<CocoDetection> read = CocoFiles.readResults(res);
    assertEquals(2, read.size());
    assertEquals(0.75, read.get(0).score(), 0);
    assertArrayEquals(new double[] {1, 0, 2, 2}, read.get(0).bbox(), 0);
    assertNull(read.get(1).bbox());
    assertEquals(mask, read.get(1).segmentation().toRle(4, 4));
    // and the written text is the standard shape
    String text = java.nio.file.Files.readString(res);
    assertTrue(
        text.contains(
            "\"segmentation\":{\"size\":[4,4],\"counts\":\"" + mask.toCompressedString() + "\"}"),
        text);
  }

  @Test
  void evaluatesFilesEndToEnd() throws Exception {
    // detections: the polygon square exactly (IoU 1 with ann 1); ann 3 is a crowd (ignored);
    // category 2's gt (ann 2, 3x3 RLE on a 4x4 image) is never predicted -> AP 0.
    // AP = mean(cat 1 = 1 - 2.2e-16, cat 2 = 0) = .5
    CocoDataset d = CocoFiles.parseGroundTruth(JSON.readTree(GT), "gt.json");
    Rle square = Rle.fromPolygon(new double[] {0, 0, 0, 2, 2, 2, 2, 0}, 4, 4);
    CocoStats s =
        CocoEvaluator.evaluate(
                d,
                List.of(CocoDetection.ofMask(1, 1, 0.9, square, false)),
                CocoEvaluator.IouType.SEGM)
            .stats();
    assertEquals(0.5, s.ap(), 1e-12);
  }

  @Test
  void errorsNameTheFileAndEntry() throws Exception {
    String bad =
        """
        {"images": [{"id": 1, "width": 4, "height": 4}],
         "annotations": [{"id": 5, "image_id": 2, "category_id": 1, "bbox": [0,0,1,1], "area": 1}],
         "categories": [{"id": 1, "name": "x"}]}
        """;
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> CocoFiles.parseGroundTruth(JSON.readTree(bad), "gt.json"));
    assertEquals(
        "gt.json: annotation 5 refers to image_id 2, which is not in images", e.getMessage());
    IllegalArgumentException r =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                CocoFiles.parseResults(
                    JSON.readTree("[{\"image_id\": 1, \"category_id\": 1, \"bbox\": [0,0,1,1]}]"),
                    "dt.json"));
    assertEquals("dt.json: result 0 has no score", r.getMessage());
  }
}
