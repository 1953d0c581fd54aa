package ssm.roi;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Lesion detections of one image, in decreasing score order (all labels are "lesion").
 *
 * @param boxes [D, 4] decoded, clipped boxes in input pixels
 * @param scores [D] lesion probabilities, each above the score threshold
 * @param proposalIndices [D] the proposal each detection came from
 */
public record Detections(
    Operand<TFloat32> boxes, Operand<TFloat32> scores, Operand<TInt32> proposalIndices) {}
