package ssm.rpn;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The RPN's output for one image, in decreasing objectness order (no gradient path).
 *
 * @param boxes [P, 4] decoded, clipped proposals, x1, y1, x2, y2 in input pixels (P <= post-NMS
 *     top-n)
 * @param logits [P] raw objectness logits (the reference ranks by logits, not probabilities)
 * @param anchorIndices [P] index of each proposal's anchor in the flattened anchor grid
 */
public record Proposals(
    Operand<TFloat32> boxes, Operand<TFloat32> logits, Operand<TInt32> anchorIndices) {}
