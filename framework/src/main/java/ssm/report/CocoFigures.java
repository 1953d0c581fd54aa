package ssm.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import ssm.metrics.CocoEvaluator;
import ssm.metrics.CocoStats;
import ssm.metrics.ConfidenceIntervals.Interval;

/**
 * pycocotools' 12 summary numbers under their usual names ({@code AP}, {@code AP50}, ... {@code
 * ARl}); COCO's "undefined" stays -1 as pycocotools prints it.
 *
 * @param iouType {@code segm} or {@code bbox}
 * @param images images evaluated
 * @param categories categories evaluated
 * @param ap50Ci95 bootstrap 95% interval of AP50, or null (only the mask figures get one)
 */
public record CocoFigures(
    @JsonProperty("iou_type") String iouType,
    @JsonProperty("AP") Double ap,
    @JsonProperty("AP50") Double ap50,
    @JsonProperty("AP75") Double ap75,
    @JsonProperty("APs") Double apSmall,
    @JsonProperty("APm") Double apMedium,
    @JsonProperty("APl") Double apLarge,
    @JsonProperty("AR1") Double ar1,
    @JsonProperty("AR10") Double ar10,
    @JsonProperty("AR100") Double ar100,
    @JsonProperty("ARs") Double arSmall,
    @JsonProperty("ARm") Double arMedium,
    @JsonProperty("ARl") Double arLarge,
    @JsonProperty("images") int images,
    @JsonProperty("categories") int categories,
    @JsonProperty("ap50_ci95") Ci95 ap50Ci95) {

  /** From a COCO evaluation and the interval of its AP50 (may be null). */
  public static CocoFigures of(CocoEvaluator.Result r, Interval ap50) {
    CocoStats s = r.stats();
    return new CocoFigures(
        r.iouType().label(),
        Figures.defined(s.ap()),
        Figures.defined(s.ap50()),
        Figures.defined(s.ap75()),
        Figures.defined(s.apSmall()),
        Figures.defined(s.apMedium()),
        Figures.defined(s.apLarge()),
        Figures.defined(s.ar1()),
        Figures.defined(s.ar10()),
        Figures.defined(s.ar100()),
        Figures.defined(s.arSmall()),
        Figures.defined(s.arMedium()),
        Figures.defined(s.arLarge()),
        r.imageIds().length,
        r.categoryIds().length,
        Ci95.of(ap50));
  }
}
