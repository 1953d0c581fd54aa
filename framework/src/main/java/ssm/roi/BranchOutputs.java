package ssm.roi;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * A box predictor's raw outputs for N RoIs.
 *
 * @param classLogits [N, 2] (background, lesion)
 * @param boxRegression [N, 8] deltas, column 4 * class + k (k = dx, dy, dw, dh), not decoded
 */
public record BranchOutputs(Operand<TFloat32> classLogits, Operand<TFloat32> boxRegression) {}
