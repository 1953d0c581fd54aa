package ssm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssm.metrics.ClassificationMetrics;
import ssm.metrics.CocoAnnotation;
import ssm.metrics.CocoCategory;
import ssm.metrics.CocoDataset;
import ssm.metrics.CocoEvaluator;
import ssm.metrics.CocoImage;
import ssm.metrics.CocoStats;
import ssm.metrics.PaperAp;

/** The JSON shape of metrics.json as the records write it. */
class MetricsJsonTest {
  @Test
  void reportHasTheStableShape(@TempDir Path dir) throws Exception {
    PaperAp.Result paper = PaperAp.evaluate(List.of(new PaperAp.Image(List.of(), List.of())));
    ClassificationMetrics cls =
        ClassificationMetrics.fromConfusion(
            ClassificationMetrics.PAPER_CLASSES,
            new long[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 0}},
            ClassificationMetrics.PAPER_F1_WEIGHTS,
            null);
    Path file = dir.resolve("metrics.json");
    MetricsReports.write(
        file,
        new MetricsReport(
            MetricsReport.SCHEMA,
            "shared-r18-3",
            "SSM R18**",
            "w.safetensors",
            null,
            null,
            null,
            new SegmentationReport(PaperApFigures.of(paper, null), null, null, null),
            ClassificationReport.of(cls, null),
            null,
            20203L));
    JsonNode root = new ObjectMapper().readTree(file.toFile());
    assertEquals("ssm-metrics/2", root.get("schema").asText());
    // keys in the order of the records, so that the file reads top-down
    assertEquals(
        List.of(
            "schema",
            "variant",
            "paper_label",
            "weights",
            "parameters",
            "evaluation",
            "datasets",
            "segmentation",
            "classification",
            "by_collection",
            "training_seed"),
        names(root));
    assertEquals(20203, root.get("training_seed").asLong());
    assertEquals(20203L, MetricsReports.read(file).trainingSeed());
    assertEquals(
        List.of("paper", "coco_segm", "coco_bbox", "lesion_area"), names(root.get("segmentation")));
    assertEquals(
        List.of(
            "classes",
            "confusion",
            "sensitivity",
            "precision",
            "f1",
            "accuracy",
            "accuracy_ci95",
            "f1_weighted",
            "f1_weights",
            "f1_macro",
            "auc",
            "samples",
            "classes_present",
            "covid_vs_rest"),
        names(root.get("classification")));
    assertEquals("SSM R18**", root.get("paper_label").asText());
    // the empty image scores 1 at every threshold
    assertEquals(1.0, root.at("/segmentation/paper/ap").asDouble(), 0);
    assertEquals(1.0, root.at("/segmentation/paper/ap_per_iou/0.75").asDouble(), 0);
    assertEquals(1, root.at("/segmentation/paper/images/empty").asInt());
    assertTrue(root.at("/segmentation/coco_segm").isNull(), "not evaluated -> null, key kept");
    assertTrue(root.at("/segmentation/lesion_area").isNull(), "key kept for the lesion area");
    assertTrue(root.at("/by_collection").isNull(), "key kept for the figures per collection");
    assertTrue(root.at("/segmentation/paper/ap50_ci95").isNull(), "no interval -> null");
    assertTrue(root.at("/datasets/segmentation").isNull());
    assertEquals(1.0, root.at("/classification/sensitivity/Normal").asDouble(), 0);
    // COVID-19 has no samples: not measured -> null (not a 0); AUC not computed -> null
    assertTrue(root.at("/classification/sensitivity/COVID-19").isNull());
    assertTrue(root.at("/classification/f1/COVID-19").isNull());
    assertTrue(root.at("/classification/auc/CP").isNull());
    assertEquals("[\"Normal\",\"CP\"]", root.at("/classification/classes_present").toString());
    assertEquals("[[1,0,0],[0,1,0],[0,0,0]]", root.at("/classification/confusion").toString());
    // weighted F1 renormalised over the classes present: (0.45 * 1 + 0.35 * 1) / 0.8 = 1
    assertEquals(1.0, root.at("/classification/f1_weighted").asDouble(), 1e-15);
    // COVID-19 versus rest: no positives, 2 true negatives
    assertTrue(root.at("/classification/covid_vs_rest/sensitivity").isNull());
    assertEquals(1.0, root.at("/classification/covid_vs_rest/specificity").asDouble(), 0);
    assertEquals(2, root.at("/classification/covid_vs_rest/tn").asInt());
  }

  @Test
  void intervalsAreWrittenAsLowHigh() throws Exception {
    PaperAp.Result paper = PaperAp.evaluate(List.of(new PaperAp.Image(List.of(), List.of())));
    JsonNode n =
        new ObjectMapper()
            .readTree(
                MetricsReports.toText(
                    PaperApFigures.of(
                        paper, new ssm.metrics.ConfidenceIntervals.Interval(0.25, 0.75))));
    assertEquals("[0.25,0.75]", n.get("ap50_ci95").toString());
  }

  @Test
  void cocoPartListsTheTwelveNumbers() throws Exception {
    CocoDataset gt =
        new CocoDataset(
            List.of(new CocoImage(1, 10, 10, null)),
            List.of(new CocoAnnotation(1, 1, 1, null, new double[] {0, 0, 2, 2}, 4, false)),
            List.of(new CocoCategory(1, "lesion", null)));
    CocoEvaluator.Result r = CocoEvaluator.evaluate(gt, List.of(), CocoEvaluator.IouType.BBOX);
    JsonNode n = new ObjectMapper().readTree(MetricsReports.toText(CocoFigures.of(r, null)));
    assertEquals("bbox", n.get("iou_type").asText());
    for (String name : CocoStats.NAMES) {
      assertTrue(n.has(name), name);
    }
    assertEquals(-1.0, n.get("APl").asDouble(), 0);
    assertEquals(0.0, n.get("AP").asDouble(), 0);
    assertTrue(n.get("ap50_ci95").isNull(), "no interval: null, the key kept");
  }

  private static List<String> names(JsonNode n) {
    List<String> names = new java.util.ArrayList<>();
    n.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
