package ssm.eval;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import ssm.metrics.ClassificationMetrics;
import ssm.metrics.LesionAreaMetrics;

/**
 * The headline figures of one collection ({@link ssm.data.SliceCollection}): the paper's mask
 * AP@0.5, COCO segm AP50, the lesion area's Dice, sensitivity and specificity, accuracy and
 * COVID-19 versus the rest. A part the collection has no slices of is absent (null).
 *
 * @param collection the collection's name
 * @param evaluation the evaluation of its slices alone
 * @param lesionArea the lesion area's figures, or null without segmentation slices
 */
public record CollectionFigures(
    String collection, Evaluation evaluation, LesionAreaMetrics.Result lesionArea) {

  /** The figures of {@code evaluation}, the lesion area at {@code lesionAreaScore}. */
  public static CollectionFigures of(
      String collection, Evaluation evaluation, double lesionAreaScore) {
    return new CollectionFigures(
        collection,
        evaluation,
        evaluation.groundTruth() == null
            ? null
            : LesionAreaMetrics.of(
                evaluation.groundTruth(), evaluation.detections(), lesionAreaScore));
  }

  /**
   * A JSON-ready tree (undefined figures null): {@code segmentation_slices, classification_slices,
   * paper_ap50, coco_segm_ap50, lesion_area {...}, accuracy, covid_vs_rest {sensitivity,
   * specificity, accuracy, auc}}.
   */
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("segmentation_slices", evaluation.segmentationSlices());
    m.put("classification_slices", evaluation.classificationSlices());
    m.put("paper_ap50", evaluation.paper() == null ? null : number(evaluation.paper().ap50()));
    m.put(
        "coco_segm_ap50",
        evaluation.cocoSegm() == null ? null : cocoNumber(evaluation.cocoSegm().stats().ap50()));
    m.put("lesion_area", lesionArea == null ? null : lesionArea.toJson());
    ClassificationMetrics c = evaluation.classification();
    m.put("accuracy", c == null ? null : number(c.accuracy()));
    ClassificationMetrics.Binary v = c == null ? null : c.covidVsRest();
    if (v == null) {
      m.put("covid_vs_rest", null);
    } else {
      Map<String, Object> b = new LinkedHashMap<>();
      b.put("sensitivity", number(v.sensitivity()));
      b.put("specificity", number(v.specificity()));
      b.put("accuracy", number(v.accuracy()));
      b.put("auc", number(v.auc()));
      m.put("covid_vs_rest", b);
    }
    return m;
  }

  /** The header of {@link #toTextRow()}'s table. */
  public static String textHeader() {
    return String.format(
        Locale.ROOT,
        "  %-14s %5s %8s %8s %8s %8s %5s %8s %8s %8s%n",
        "collection",
        "seg n",
        "AP@0.5",
        "segmAP50",
        "Dice",
        "pooled",
        "cls n",
        "accuracy",
        "COVIDsen",
        "COVIDauc");
  }

  /** One row of the per-collection table {@code ssm eval} prints. */
  public String toTextRow() {
    ClassificationMetrics c = evaluation.classification();
    ClassificationMetrics.Binary v = c == null ? null : c.covidVsRest();
    return String.format(
        Locale.ROOT,
        "  %-14s %5d %8s %8s %8s %8s %5d %8s %8s %8s%n",
        collection,
        evaluation.segmentationSlices(),
        f4(evaluation.paper() == null ? Double.NaN : evaluation.paper().ap50()),
        f4(evaluation.cocoSegm() == null ? Double.NaN : coco(evaluation.cocoSegm().stats().ap50())),
        f4(lesionArea == null ? Double.NaN : lesionArea.dice().value()),
        f4(lesionArea == null ? Double.NaN : lesionArea.pooledDice()),
        evaluation.classificationSlices(),
        f4(c == null ? Double.NaN : c.accuracy()),
        f4(v == null ? Double.NaN : v.sensitivity()),
        f4(v == null ? Double.NaN : v.auc()));
  }

  private static Double number(double v) {
    return Double.isNaN(v) ? null : v;
  }

  // COCO writes -1 where undefined; here an undefined figure is null, as everywhere else
  private static double coco(double v) {
    return v < 0 ? Double.NaN : v;
  }

  private static Double cocoNumber(double v) {
    return number(coco(v));
  }

  private static String f4(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
  }
}
