package ssm.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ssm.report.Ci95;
import ssm.report.ClassificationReport;
import ssm.report.CocoFigures;
import ssm.report.ImageCounts;
import ssm.report.MetricsReport;
import ssm.report.PaperApFigures;
import ssm.report.SegmentationReport;

class GridRunnerSummaryTest {
  private static MetricsReport report(SegmentationReport seg, ClassificationReport cls) {
    return new MetricsReport(
        MetricsReport.SCHEMA, "scratch-r18-3", null, null, null, null, null, seg, cls, null, null);
  }

  @Test
  void namesEachFigureWithItsIntervalAndTheSlicesScored() {
    PaperApFigures paper =
        new PaperApFigures(
            0.8, 0.5, 0.45, Map.of(), new ImageCounts(20, 4, 10, 30), new Ci95(0.7, 0.9));
    CocoFigures coco =
        new CocoFigures(
            "segm",
            0.3,
            0.6,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            30,
            1,
            new Ci95(0.5, 0.7));
    ClassificationReport cls =
        new ClassificationReport(
            List.of("Normal", "CP", "COVID-19"),
            null,
            null,
            null,
            null,
            0.75,
            new Ci95(0.6, 0.86),
            0.7,
            null,
            0.72,
            null,
            40,
            null,
            null);
    assertEquals(
        "AP@0.5 0.8000 [0.7000, 0.9000] [slices scored: 20 of 30 (16 with lesions, 10 skipped)],"
            + " COCO segm AP50 0.6000 [0.5000, 0.7000], AP@[.5:.95] 0.4500; accuracy 0.7500"
            + " [0.6000, 0.8600] (n = 40), F1 0.7000",
        GridRunner.summary(report(new SegmentationReport(paper, coco, null, null), cls)));
  }

  @Test
  void aPartNotEvaluatedReadsNotAvailable() {
    assertEquals(
        "AP@0.5 n/a  [slices scored: 0], COCO segm AP50 n/a , AP@[.5:.95] n/a; accuracy n/a "
            + " (n = 0), F1 n/a",
        GridRunner.summary(report(null, null)));
  }

  @Test
  void aRunScoredOnEmptySlicesOnlyCannotRank() {
    // 6 slices: 3 empty and unpredicted (scored 1 each), 3 with lesions and no prediction
    // (skipped by the paper's rule): AP 1.0 that says nothing about the lesions.
    PaperApFigures paper =
        new PaperApFigures(1.0, 1.0, 1.0, Map.of(), new ImageCounts(3, 3, 3, 6), null);
    assertEquals(
        "AP@0.5 1.0000  [slices scored: 3 of 6 (0 with lesions, 3 skipped)] (cannot rank: no"
            + " slice with lesions scored), COCO segm AP50 n/a , AP@[.5:.95] 1.0000; accuracy"
            + " n/a  (n = 0), F1 n/a",
        GridRunner.summary(report(new SegmentationReport(paper, null, null, null), null)));
  }
}
