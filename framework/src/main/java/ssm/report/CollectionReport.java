package ssm.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import ssm.eval.CollectionFigures;
import ssm.metrics.ClassificationMetrics;

/**
 * The headline figures of one collection's slices (a set merged from several sources); a part the
 * collection has no slices of is null, as is an undefined figure.
 *
 * @param paperAp50 the paper's mask AP@0.5
 * @param cocoSegmAp50 COCO segm AP50 (null where COCO has it undefined)
 * @param covidVsRest COVID-19 against the other classes, or null
 */
public record CollectionReport(
    @JsonProperty("segmentation_slices") int segmentationSlices,
    @JsonProperty("classification_slices") int classificationSlices,
    @JsonProperty("paper_ap50") Double paperAp50,
    @JsonProperty("coco_segm_ap50") Double cocoSegmAp50,
    @JsonProperty("lesion_area") LesionAreaFigures lesionArea,
    @JsonProperty("accuracy") Double accuracy,
    @JsonProperty("covid_vs_rest") CovidVsRest covidVsRest) {

  /** COVID-19 against the rest, without the counts. */
  public record CovidVsRest(Double sensitivity, Double specificity, Double accuracy, Double auc) {}

  public static CollectionReport of(CollectionFigures f) {
    var e = f.evaluation();
    ClassificationMetrics c = e.classification();
    ClassificationMetrics.Binary v = c == null ? null : c.covidVsRest();
    double coco = e.cocoSegm() == null ? Double.NaN : e.cocoSegm().stats().ap50();
    return new CollectionReport(
        e.segmentationSlices(),
        e.classificationSlices(),
        e.paper() == null ? null : Figures.defined(e.paper().ap50()),
        // COCO writes -1 where undefined; here it is null, as every undefined figure
        coco < 0 ? null : Figures.defined(coco),
        f.lesionArea() == null ? null : LesionAreaFigures.of(f.lesionArea()),
        c == null ? null : Figures.defined(c.accuracy()),
        v == null
            ? null
            : new CovidVsRest(
                Figures.defined(v.sensitivity()),
                Figures.defined(v.specificity()),
                Figures.defined(v.accuracy()),
                Figures.defined(v.auc())));
  }
}
