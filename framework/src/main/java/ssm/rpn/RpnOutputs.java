package ssm.rpn;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * What the RPN head hands to the proposal generator, location-major as the anchors: index (y * W +
 * x) * A + a.
 *
 * @param objectnessLogits [H*W*A]
 * @param anchorDeltas [H*W*A, 4] (dx, dy, dw, dh)
 */
public record RpnOutputs(Operand<TFloat32> objectnessLogits, Operand<TFloat32> anchorDeltas) {}
