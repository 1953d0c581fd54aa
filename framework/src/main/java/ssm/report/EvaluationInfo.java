package ssm.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * How an evaluation went: what it looked at and how long it took.
 *
 * @param segmentationSeconds wall time of the segmentation part (decode, predict, metrics)
 * @param classificationSeconds wall time of the classification part
 * @param predictSeconds of those, the time in the model's predict
 * @param detections detections made on the segmentation slices
 * @param skipped bad items left out, one message each (file and reason)
 * @param seconds the whole evaluation with model building and weight loading, or null when not
 *     timed
 */
public record EvaluationInfo(
    @JsonProperty("segmentation_slices") int segmentationSlices,
    @JsonProperty("classification_slices") int classificationSlices,
    @JsonProperty("segmentation_seconds") double segmentationSeconds,
    @JsonProperty("classification_seconds") double classificationSeconds,
    @JsonProperty("predict_seconds") double predictSeconds,
    @JsonProperty("detections") int detections,
    @JsonProperty("skipped") List<String> skipped,
    @JsonProperty("seconds") Double seconds) {

  public EvaluationInfo {
    skipped = skipped == null ? List.of() : List.copyOf(skipped);
  }

  /** The same with the whole evaluation's time. */
  public EvaluationInfo withSeconds(double wholeSeconds) {
    return new EvaluationInfo(
        segmentationSlices,
        classificationSlices,
        segmentationSeconds,
        classificationSeconds,
        predictSeconds,
        detections,
        skipped,
        wholeSeconds);
  }
}
