package ssm.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import ssm.metrics.LesionAreaMetrics;

/**
 * The lesion area's agreement with the annotation ({@link LesionAreaMetrics}, docs/reference/
 * metrics.md): Dice, sensitivity and specificity as means over the slices where each is defined,
 * and pooled over all pixels; null figures are undefined.
 *
 * @param scoreThreshold detections scoring at least this make the predicted area
 * @param slices slices scored
 * @param bothEmpty slices without lesions and without a prediction (left out of the mean Dice)
 * @param diceSlices slices the mean Dice averages (likewise for the other two)
 * @param pooled the figures of the summed pixel counts
 */
public record LesionAreaFigures(
    @JsonProperty("score_threshold") double scoreThreshold,
    @JsonProperty("slices") int slices,
    @JsonProperty("both_empty") int bothEmpty,
    @JsonProperty("dice") Double dice,
    @JsonProperty("dice_slices") int diceSlices,
    @JsonProperty("sensitivity") Double sensitivity,
    @JsonProperty("sensitivity_slices") int sensitivitySlices,
    @JsonProperty("specificity") Double specificity,
    @JsonProperty("specificity_slices") int specificitySlices,
    @JsonProperty("pooled") Pooled pooled) {

  /** Dice, sensitivity and specificity of the pixel counts summed over the slices. */
  public record Pooled(
      Double dice, Double sensitivity, Double specificity, long tp, long fp, long fn, long tn) {}

  public static LesionAreaFigures of(LesionAreaMetrics.Result r) {
    return new LesionAreaFigures(
        r.scoreThreshold(),
        r.slices(),
        r.bothEmpty(),
        Figures.defined(r.dice().value()),
        r.dice().slices(),
        Figures.defined(r.sensitivity().value()),
        r.sensitivity().slices(),
        Figures.defined(r.specificity().value()),
        r.specificity().slices(),
        new Pooled(
            Figures.defined(r.pooledDice()),
            Figures.defined(r.pooledSensitivity()),
            Figures.defined(r.pooledSpecificity()),
            r.pooled().tp(),
            r.pooled().fp(),
            r.pooled().fn(),
            r.pooled().tn()));
  }
}
