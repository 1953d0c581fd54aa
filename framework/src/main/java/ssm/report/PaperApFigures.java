package ssm.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import ssm.metrics.ConfidenceIntervals.Interval;
import ssm.metrics.PaperAp;

/**
 * The paper's per-image mask AP (Table 2); null figures are undefined.
 *
 * @param apPerIou AP at each IoU threshold, keyed {@code "0.50"} .. {@code "0.95"}
 * @param ap50Ci95 bootstrap 95% interval of {@code ap50}, or null
 */
public record PaperApFigures(
    @JsonProperty("ap50") Double ap50,
    @JsonProperty("ap75") Double ap75,
    @JsonProperty("ap") Double ap,
    @JsonProperty("ap_per_iou") Map<String, Double> apPerIou,
    @JsonProperty("images") ImageCounts images,
    @JsonProperty("ap50_ci95") Ci95 ap50Ci95) {

  public PaperApFigures {
    apPerIou = Figures.copy(apPerIou);
  }

  /** From {@link PaperAp}'s result and the interval of its AP@0.5 (may be null). */
  public static PaperApFigures of(PaperAp.Result r, Interval ap50) {
    Map<String, Double> per = new LinkedHashMap<>();
    for (int t = 0; t < r.apPerThreshold().length; t++) {
      per.put(
          String.format(Locale.ROOT, "%.2f", PaperAp.IOU_THRESHOLDS[t]),
          Figures.defined(r.apPerThreshold()[t]));
    }
    return new PaperApFigures(
        Figures.defined(r.ap50()),
        Figures.defined(r.ap75()),
        Figures.defined(r.ap()),
        per,
        new ImageCounts(r.imagesScored(), r.imagesEmpty(), r.imagesSkipped(), r.imagesTotal()),
        Ci95.of(ap50));
  }
}
