package ssm.report;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Agreement of the predicted lesion area with the annotated one, the detections kept at a score
 * threshold; null figures are undefined.
 *
 * @param scoreThreshold detections scoring at least this are part of the predicted area
 * @param diceMean Dice coefficient, mean over slices
 * @param dicePooled Dice coefficient of all slices' pixels together
 * @param sensitivity lesion pixels predicted as lesion
 * @param specificity lesion-free pixels predicted as lesion-free
 */
public record LesionAreaFigures(
    @JsonProperty("score_threshold") double scoreThreshold,
    @JsonProperty("dice_mean") Double diceMean,
    @JsonProperty("dice_pooled") Double dicePooled,
    Double sensitivity,
    Double specificity) {}
