package ssm.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CocoEvalCommandTest {
  // one 100x100 image, gts [0,0,10,10] and [50,50,10,10]; detections with IoU 1 (.9), 0.5 (.8)
  // and 0 (.7): AP = 56/101 = 0.554, AP50 = 1, AP75 = 51/101 = 0.505 (see CocoEvaluatorTest)
  private static final String GT =
      """
      {"images": [{"id": 1, "width": 100, "height": 100}],
       "annotations": [
         {"id": 1, "image_id": 1, "category_id": 1, "segmentation": [[0,0,0,10,10,10,10,0]], "bbox": [0,0,10,10], "area": 100, "iscrowd": 0},
         {"id": 2, "image_id": 1, "category_id": 1, "segmentation": [[50,50,50,60,60,60,60,50]], "bbox": [50,50,10,10], "area": 100, "iscrowd": 0}],
       "categories": [{"id": 1, "name": "lesion"}]}
      """;
  private static final String DT =
      """
      [{"image_id": 1, "category_id": 1, "bbox": [50,50,10,5], "score": 0.8},
       {"image_id": 1, "category_id": 1, "bbox": [0,0,10,10], "score": 0.9},
       {"image_id": 1, "category_id": 1, "bbox": [20,20,10,10], "score": 0.7}]
      """;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new CocoEvalCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private static Path[] files(Path dir) throws Exception {
    Path gt = Files.writeString(dir.resolve("gt.json"), GT);
    Path dt = Files.writeString(dir.resolve("dt.json"), DT);
    return new Path[] {gt, dt};
  }

  @Test
  void printsThePycocotoolsLayout(@TempDir Path dir) throws Exception {
    Path[] f = files(dir);
    Run r = run("--gt", f[0].toString(), "--dt", f[1].toString(), "--iou-type", "bbox");
    assertEquals(0, r.code(), r.err());
    assertTrue(
        r.out()
            .contains(
                " Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ] = 0.554"),
        r.out());
    assertTrue(
        r.out()
            .contains(
                " Average Precision  (AP) @[ IoU=0.75      | area=   all | maxDets=100 ] = 0.505"),
        r.out());
    assertTrue(
        r.out()
            .contains(
                " Average Recall     (AR) @[ IoU=0.50:0.95 | area= large | maxDets=100 ] = -1.000"),
        r.out());
  }

  @Test
  void segmOnBoxResultsUsesTheBoxPolygons(@TempDir Path dir) throws Exception {
    // segm on box results: loadRes makes each box a polygon mask; the rasterised squares give the
    // same IoUs here (1, 50/100, 0), so the numbers equal the bbox ones
    Path[] f = files(dir);
    Run r = run("--gt", f[0].toString(), "--dt", f[1].toString(), "--json");
    assertEquals(0, r.code(), r.err());
    JsonNode n = new ObjectMapper().readTree(r.out());
    assertEquals("segm", n.get("iou_type").asText());
    assertEquals(56.0 / 101, n.get("AP").asDouble(), 1e-12);
    assertEquals(1.0, n.get("AP50").asDouble(), 1e-12);
    assertEquals(0.55, n.get("AR100").asDouble(), 1e-12);
    assertEquals(-1.0, n.get("APm").asDouble(), 0);
  }

  @Test
  void badInputIsReportedWithoutAStackTrace(@TempDir Path dir) throws Exception {
    Path[] f = files(dir);
    Run r = run("--gt", f[0].toString(), "--dt", f[1].toString(), "--iou-type", "keypoints");
    assertEquals(1, r.code());
    assertEquals("coco-eval: iou type 'keypoints' is not segm or bbox", r.err().strip());
    Run missing = run("--gt", dir.resolve("nope.json").toString(), "--dt", f[1].toString());
    assertEquals(1, missing.code());
    assertTrue(missing.err().startsWith("coco-eval: " + dir.resolve("nope.json")), missing.err());
  }
}
