package ssm.eval;

import java.util.List;
import java.util.Locale;
import ssm.metrics.ClassificationMetrics;
import ssm.metrics.CocoDataset;
import ssm.metrics.CocoDetection;
import ssm.metrics.CocoEvaluator;
import ssm.metrics.CocoStats;
import ssm.metrics.ConfidenceIntervals;
import ssm.metrics.ConfidenceIntervals.Interval;
import ssm.metrics.PaperAp;
import ssm.report.ClassificationReport;
import ssm.report.CocoFigures;
import ssm.report.EvaluationInfo;
import ssm.report.PaperApFigures;
import ssm.report.SegmentationReport;

/**
 * What {@link Evaluator#evaluate} found. A part that was not evaluated is null (its slice count 0).
 *
 * @param paper the paper's per-image mask AP (Table 2)
 * @param cocoSegm COCO mask AP/AR
 * @param cocoBbox COCO box AP/AR (predicted boxes)
 * @param classification Table 3's metrics
 * @param groundTruth the segmentation gt as a COCO data set (image ids 1..n), or null
 * @param detections every detection, with mask and predicted box, on those image ids
 * @param segmentationSlices slices evaluated for segmentation
 * @param classificationSlices slices evaluated for classification
 * @param segmentationSeconds wall time of the segmentation part (decode, predict, metrics)
 * @param classificationSeconds wall time of the classification part
 * @param predictSeconds of those, the time spent in the model's {@code predict}; the rest is
 *     waiting for data and computing the metrics
 * @param skipped bad items left out, one message each (file and reason)
 * @param classifiedSlices each classification slice's outcome, in evaluation order
 */
public record Evaluation(
    PaperAp.Result paper,
    CocoEvaluator.Result cocoSegm,
    CocoEvaluator.Result cocoBbox,
    ClassificationMetrics classification,
    CocoDataset groundTruth,
    List<CocoDetection> detections,
    int segmentationSlices,
    int classificationSlices,
    double segmentationSeconds,
    double classificationSeconds,
    double predictSeconds,
    List<String> skipped,
    List<ClassifiedSlice> classifiedSlices) {

  public Evaluation {
    detections = List.copyOf(detections);
    skipped = List.copyOf(skipped);
    classifiedSlices = List.copyOf(classifiedSlices);
  }

  /** COCO bootstrap draws of {@link #intervals()} (each a full COCO evaluation). */
  static final int COCO_RESAMPLES = 200;

  /**
   * 95% intervals of the headline figures: the paper's mask AP@0.5 and COCO segm AP50 by the
   * bootstrap over the test slices, accuracy by Wilson's interval; null where a part was not
   * evaluated.
   */
  public record Intervals(Interval paperAp50, Interval cocoSegmAp50, Interval accuracy) {}

  /** Computes {@link Intervals} (a few hundred COCO evaluations of the test slices). */
  public Intervals intervals() {
    Interval paperAp50 = null;
    Interval coco = null;
    if (paper != null && groundTruth != null) {
      paperAp50 = ConfidenceIntervals.paperAp50(PaperAp.imagesFrom(groundTruth, detections));
      coco =
          ConfidenceIntervals.cocoAp50(
              groundTruth, detections, CocoEvaluator.IouType.SEGM, COCO_RESAMPLES);
    }
    Interval accuracy = null;
    if (classification != null) {
      long right = 0;
      for (int c = 0; c < classification.confusion().length; c++) {
        right += classification.confusion()[c][c];
      }
      accuracy = ConfidenceIntervals.wilson(right, classification.samples());
    }
    return new Intervals(paperAp50, coco, accuracy);
  }

  /**
   * The segmentation part of the report with the intervals of {@code ci}; null when segmentation
   * was not evaluated.
   */
  public SegmentationReport segmentationReport(Intervals ci) {
    if (paper == null) {
      return null;
    }
    return new SegmentationReport(
        PaperApFigures.of(paper, ci.paperAp50()),
        cocoSegm == null ? null : CocoFigures.of(cocoSegm, ci.cocoSegmAp50()),
        cocoBbox == null ? null : CocoFigures.of(cocoBbox, null),
        null);
  }

  /** The classification part of the report; null when classification was not evaluated. */
  public ClassificationReport classificationReport(Intervals ci) {
    return classification == null ? null : ClassificationReport.of(classification, ci.accuracy());
  }

  /** Slice counts, seconds and skipped items (the whole evaluation's time left null). */
  public EvaluationInfo info() {
    return new EvaluationInfo(
        segmentationSlices,
        classificationSlices,
        segmentationSeconds,
        classificationSeconds,
        predictSeconds,
        detections.size(),
        skipped,
        null);
  }

  /** A short human summary: the paper's numbers first, then COCO, then classification. */
  public String toText() {
    return toText(intervals());
  }

  /** As {@link #toText()} with intervals already computed. */
  public String toText(Intervals ci) {
    StringBuilder b = new StringBuilder();
    if (paper != null) {
      b.append(
          String.format(
              Locale.ROOT,
              "segmentation, paper per-image mask AP (%d slices: %d scored, %d of them empty, %d skipped)%n",
              paper.imagesTotal(),
              paper.imagesScored(),
              paper.imagesEmpty(),
              paper.imagesSkipped()));
      b.append(
          String.format(
              Locale.ROOT,
              "  AP@0.5 %s   AP@0.75 %s   AP@[.5:.95] %s%n",
              f4(paper.ap50()),
              f4(paper.ap75()),
              f4(paper.ap())));
      b.append(
          String.format(
              Locale.ROOT,
              "  AP@0.5 95%% interval %s (bootstrap over the %d "
                  + "slices; %d of the scored slices have lesions)%n",
              range(ci.paperAp50()),
              paper.imagesTotal(),
              paper.imagesScored() - paper.imagesEmpty()));
      b.append(
          String.format(Locale.ROOT, "segmentation, COCO (%d detections)%n", detections.size()));
      b.append("         AP     AP50   AP75   APs    APm    APl    AR1    AR10   AR100\n");
      coco(b, "  segm ", cocoSegm.stats());
      coco(b, "  bbox ", cocoBbox.stats());
      b.append(
          String.format(
              Locale.ROOT,
              "  segm AP50 95%% interval %s (bootstrap over the %d " + "slices)%n",
              range(ci.cocoSegmAp50()),
              groundTruth.images().size()));
    }
    if (classification != null) {
      ClassificationMetrics m = classification;
      List<String> present = m.presentClasses();
      b.append(
          String.format(
              Locale.ROOT,
              "classification (%d slices; classes in the data: %s)%n",
              m.samples(),
              String.join(", ", present)));
      if (m.partial()) {
        List<String> absent = new java.util.ArrayList<>(m.classNames());
        absent.removeAll(present);
        b.append(
            String.format(
                Locale.ROOT,
                "  not in the data, so not measured: %s (per-class "
                    + "figures n/a; macro F1 over the classes present)%n",
                String.join(", ", absent)));
      }
      b.append("  confusion (rows true, columns predicted: ")
          .append(String.join(", ", m.classNames()))
          .append(")\n");
      for (int r = 0; r < m.confusion().length; r++) {
        if (!m.present(r)) {
          continue;
        }
        b.append(String.format(Locale.ROOT, "    %-9s", m.classNames().get(r)));
        for (long v : m.confusion()[r]) {
          b.append(String.format(Locale.ROOT, " %7d", v));
        }
        b.append('\n');
      }
      b.append("  class      sensitivity precision F1     AUC\n");
      for (int c = 0; c < m.classNames().size(); c++) {
        if (!m.present(c)) {
          continue;
        }
        b.append(
            String.format(
                Locale.ROOT,
                "  %-10s %-11s %-9s %-6s %s%n",
                m.classNames().get(c),
                f4(m.sensitivity()[c]),
                f4(m.precision()[c]),
                f4(m.f1()[c]),
                f4(m.auc()[c])));
      }
      b.append(
          String.format(
              Locale.ROOT,
              "  accuracy %s   F1 (paper weights 0.45/0.35/0.20%s) %s" + "   macro F1 %s%n",
              f4(m.accuracy()),
              m.partial() ? ", renormalised" : "",
              f4(m.weightedF1()),
              f4(m.macroF1())));
      b.append(
          String.format(
              Locale.ROOT,
              "  accuracy 95%% interval %s (Wilson, n = %d)%n",
              range(ci.accuracy()),
              m.samples()));
      ClassificationMetrics.Binary v = m.covidVsRest();
      if (v != null) {
        b.append(
            String.format(
                Locale.ROOT,
                "  %s versus rest: sensitivity %s   specificity %s   "
                    + "accuracy %s   AUC %s   (TP %d, FN %d, FP %d, TN %d)%n",
                v.positive(),
                f4(v.sensitivity()),
                f4(v.specificity()),
                f4(v.accuracy()),
                f4(v.auc()),
                v.tp(),
                v.fn(),
                v.fp(),
                v.tn()));
      }
    }
    if (!skipped.isEmpty()) {
      b.append(String.format(Locale.ROOT, "skipped %d bad items:%n", skipped.size()));
      skipped.forEach(s -> b.append("  ").append(s).append('\n'));
    }
    return b.toString();
  }

  private static void coco(StringBuilder b, String label, CocoStats s) {
    b.append(label);
    double[] v = s.asArray();
    for (int i : new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8}) {
      b.append(String.format(Locale.ROOT, " %6.3f", v[i]));
    }
    b.append('\n');
  }

  /** {@code [0.5123, 0.8012]}, or n/a. */
  public static String range(Interval i) {
    return i == null || !i.defined()
        ? "n/a"
        : String.format(Locale.ROOT, "[%.4f, %.4f]", i.low(), i.high());
  }

  private static String f4(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
  }
}
