package ssm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssm.metrics.ClassificationMetrics;
import ssm.metrics.LesionAreaMetrics;
import ssm.metrics.PaperAp;

class MetricsReportTest {
  /** Every part filled, undefined figures (null) included. */
  static MetricsReport full() {
    PaperAp.Result paper = PaperAp.evaluate(List.of(new PaperAp.Image(List.of(), List.of())));
    PaperApFigures ap =
        PaperApFigures.of(paper, new ssm.metrics.ConfidenceIntervals.Interval(0.5, 1));
    CocoFigures coco =
        new CocoFigures(
            "segm",
            0.5,
            0.75,
            0.25,
            null,
            -1.0,
            -1.0,
            0.1,
            0.2,
            0.3,
            null,
            -1.0,
            -1.0,
            30,
            1,
            new Ci95(0.6, 0.9));
    LesionAreaFigures area =
        new LesionAreaFigures(
            0.5,
            30,
            4,
            0.61,
            22,
            0.7,
            26,
            0.99,
            30,
            new LesionAreaFigures.Pooled(0.66, 0.72, null, 100, 20, 30, 9000));
    Map<String, CollectionReport> collections = new LinkedHashMap<>();
    collections.put("medseg", new CollectionReport(10, 0, 0.8, null, area, null, null));
    collections.put(
        "radiopaedia",
        new CollectionReport(
            0, 20, null, null, null, 0.75, new CollectionReport.CovidVsRest(0.8, null, 0.7, 0.9)));
    ClassificationMetrics m =
        ClassificationMetrics.fromConfusion(
            ClassificationMetrics.PAPER_CLASSES,
            new long[][] {{3, 1, 0}, {0, 2, 1}, {1, 0, 0}},
            ClassificationMetrics.PAPER_F1_WEIGHTS,
            null);
    return new MetricsReport(
        MetricsReport.SCHEMA,
        "scratch-r18-3",
        "SSM-S R18**",
        "runs/x/weights.safetensors",
        new MetricsReport.Parameters(8_267_759),
        new EvaluationInfo(30, 40, 1.5, 2.5, 3.0, 17, List.of("a.png: broken"), 9.25),
        new MetricsReport.Datasets(
            new DataReference(
                DataReference.Kind.SYNTHETIC,
                "synthetic (built-in generator, seed 1, 128 px): seg/test of data",
                "data",
                "seg/test",
                1L,
                128,
                30),
            new DataReference(
                DataReference.Kind.REAL,
                "classification /d/covidx/test.txt",
                null,
                "/d/covidx/test.txt",
                null,
                null,
                40)),
        new SegmentationReport(ap, coco, coco, area),
        ClassificationReport.of(m, new ssm.metrics.ConfidenceIntervals.Interval(0.4, 0.8)),
        collections,
        null);
  }

  @Test
  void roundTripsThroughItsRecords(@TempDir Path dir) throws Exception {
    MetricsReport report = full();
    Path file = dir.resolve("metrics.json");
    MetricsReports.write(file, report);
    MetricsReport back = MetricsReports.read(file);
    assertEquals(report, back);
    // and a second write gives the same text
    MetricsReports.write(dir.resolve("again.json"), back);
    assertEquals(Files.readString(file), Files.readString(dir.resolve("again.json")));
    assertTrue(Files.readString(file).contains("\"kind\" : \"synthetic\""));
  }

  @Test
  void readsTheFirstSchema() throws Exception {
    Path v1 = Path.of(MetricsReportTest.class.getResource("metrics-v1.json").toURI());
    MetricsReport r = MetricsReports.read(v1);
    assertEquals(MetricsReport.SCHEMA, r.schema());
    assertEquals("scratch-r18-3", r.variant());
    assertEquals("SSM-S R18**", r.paperLabel());
    assertEquals(8_267_759L, r.parameterTotal());
    assertEquals(9.5, r.evaluation().seconds(), 0);
    assertEquals(12, r.evaluation().classificationSlices());
    assertEquals(List.of("cls/images/bad.png: not a PNG"), r.evaluation().skipped());
    PaperApFigures p = r.segmentation().paper();
    assertEquals(1.0, p.ap50(), 0);
    assertEquals(new ImageCounts(2, 2, 0, 2), p.images());
    assertEquals(new Ci95(0.5, 1.0), p.ap50Ci95());
    assertEquals(10, p.apPerIou().size());
    assertEquals("segm", r.segmentation().cocoSegm().iouType());
    assertEquals(-1.0, r.segmentation().cocoSegm().apMedium(), 0);
    assertNull(r.segmentation().cocoSegm().ap50Ci95());
    assertNull(r.segmentation().lesionArea());
    ClassificationReport c = r.classification();
    assertEquals(
        List.of(List.of(3L, 1L, 0L), List.of(0L, 2L, 1L), List.of(1L, 0L, 4L)), c.confusion());
    assertEquals(0.75, c.accuracy(), 0);
    assertEquals(new Ci95(0.4468, 0.8774), c.accuracyCi95());
    assertEquals(0.8, c.sensitivityOf("COVID-19"), 0);
    assertNull(c.auc().get("CP"));
    assertEquals(6, c.covidVsRest().tn());
    assertEquals(12, c.samples());
    DataReference seg = r.datasets().segmentation();
    assertEquals(DataReference.Kind.SYNTHETIC, seg.kind());
    assertEquals(
        "synthetic (built-in generator, seed 1, 128 px): seg/test of /data/synth",
        seg.description());
    assertEquals(
        "synthetic (built-in generator, seed 1, 128 px): cls/test.txt of /data/synth",
        r.datasets().classification().description());
  }

  @Test
  void aFirstSchemaReportOfOtherDataIsReal(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("shared-r18-2/metrics.json");
    Files.createDirectories(file.getParent());
    Files.writeString(
        file,
        "{\"schema\": \"ssm-metrics/1\", \"dataset\": \"segmentation /data/cncb/test\","
            + " \"segmentation\": {\"paper\": {\"ap\": 0.5}}, \"classification\": null}");
    MetricsReport r = MetricsReports.read(file);
    assertEquals(
        "shared-r18-2", r.variant(), "the folder names the variant when the file does not");
    assertEquals(DataReference.Kind.REAL, r.datasets().segmentation().kind());
    assertEquals(0.5, r.segmentation().paper().ap(), 0);
    assertNull(r.segmentation().paper().ap50());
    assertNull(r.classification());
  }

  @Test
  void anUnknownSchemaIsRefusedNamingTheFileAndTheRemedy(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("metrics.json");
    Files.writeString(file, "{\"schema\": \"ssm-metrics/9\", \"variant\": \"shared-r18-3\"}");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MetricsReports.read(file));
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("ssm-metrics/9"), e.getMessage());
    assertTrue(e.getMessage().contains("./ssm eval"), e.getMessage());
  }

  @Test
  void aReportWithoutItsVariantIsRefusedNamingTheFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("metrics.json");
    Files.writeString(file, "{\"schema\": \"ssm-metrics/2\", \"variant\": null}");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> MetricsReports.read(file));
    assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
  }

  @Test
  void anIntervalNeedsTwoBounds() {
    assertThrows(IllegalArgumentException.class, () -> Ci95.of(new double[] {1}));
  }

  /** The lesion area is written in the shape LesionAreaMetrics gives it. */
  @Test
  void theLesionAreaHasTheShapeOfItsMetrics() throws Exception {
    LesionAreaMetrics.Result r =
        LesionAreaMetrics.of(
            List.of(
                new LesionAreaMetrics.Counts(8, 2, 4, 50),
                new LesionAreaMetrics.Counts(0, 0, 0, 64),
                new LesionAreaMetrics.Counts(0, 3, 0, 61)),
            0.5);
    ObjectMapper json = new ObjectMapper();
    // both through text, so that a count is an int node on either side; toString keeps key order
    assertEquals(
        json.readTree(json.writeValueAsString(r.toJson())).toString(),
        json.readTree(MetricsReports.toText(LesionAreaFigures.of(r))).toString());
  }

  @Test
  void readsTheLesionAreaAndTheCollectionsOfALateFirstSchemaReport(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("metrics.json");
    Files.writeString(
        file,
        "{\"schema\": \"ssm-metrics/1\", \"variant\": \"scratch-r18-3\","
            + " \"segmentation\": {\"paper\": {\"ap50\": 0.5}, \"lesion_area\": {"
            + "\"score_threshold\": 0.5, \"slices\": 3, \"both_empty\": 1, \"dice\": 0.4,"
            + " \"dice_slices\": 2, \"sensitivity\": 0.5, \"sensitivity_slices\": 1,"
            + " \"specificity\": null, \"specificity_slices\": 0, \"pooled\": {\"dice\": 0.6,"
            + " \"sensitivity\": 0.5, \"specificity\": 0.9, \"tp\": 8, \"fp\": 5, \"fn\": 4,"
            + " \"tn\": 175}}}, \"classification\": null, \"by_collection\": {\"medseg\": {"
            + "\"segmentation_slices\": 2, \"classification_slices\": 0, \"paper_ap50\": 0.5,"
            + " \"coco_segm_ap50\": null, \"lesion_area\": null, \"accuracy\": null,"
            + " \"covid_vs_rest\": null}}}");
    MetricsReport r = MetricsReports.read(file);
    LesionAreaFigures area = r.segmentation().lesionArea();
    assertEquals(0.4, area.dice(), 0);
    assertEquals(1, area.bothEmpty());
    assertNull(area.specificity());
    assertEquals(175, area.pooled().tn());
    assertEquals(2, r.byCollection().get("medseg").segmentationSlices());
    assertEquals(0.5, r.byCollection().get("medseg").paperAp50(), 0);
  }
}
