package ssm.roi;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The ranked RoI batch that feeds S, with what produced it.
 *
 * @param rows [R, 5]: (lesion probability, 4 raw lesion deltas), decreasing probability, padded
 * @param keptProposalIndices [K] proposals kept before padding (K <= R), in row order
 * @param keptBoxes [K, 4] their decoded, clipped boxes
 * @param rowProposalIndices [R] the proposal behind each row (-1 for zero rows)
 */
public record RoiBatch(
    Operand<TFloat32> rows,
    Operand<TInt32> keptProposalIndices,
    Operand<TFloat32> keptBoxes,
    Operand<TInt32> rowProposalIndices) {}
