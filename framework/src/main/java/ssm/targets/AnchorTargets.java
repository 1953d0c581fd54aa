package ssm.targets;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * RPN training targets of one image, from {@link RpnTargets}.
 *
 * @param labels {@code [A]} int32 per anchor before sampling: 1 positive, 0 negative, -1 ignored
 * @param matchedGt {@code [A]} int32 {@link Matcher} output (gt index, {@link Matcher#BELOW_LOW} or
 *     {@link Matcher#BETWEEN})
 * @param regressionTargets {@code [A, 4]} deltas (weights 1, 1, 1, 1) from each anchor to its
 *     matched gt box; rows of anchors that are not positive are meaningless (encoded against gt 0
 *     or a dummy box, and infinite for the zero-height anchors) and must only be read through
 *     {@link #positive}
 * @param positive {@code [p]} int32 sampled positive anchor indices
 * @param negative {@code [n]} int32 sampled negative anchor indices
 */
public record AnchorTargets(
    Operand<TInt32> labels,
    Operand<TInt32> matchedGt,
    Operand<TFloat32> regressionTargets,
    Operand<TInt32> positive,
    Operand<TInt32> negative) {}
