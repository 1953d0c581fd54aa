package ssm.targets;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The RoIs sampled for one image's box-branch loss, from {@link RoiTargets}. Rows are the sampled
 * positives first (random order), then the sampled negatives (random order): S = p + n <=
 * batchPerImage.
 *
 * @param boxes {@code [S, 4]} RoI boxes in input pixels (no gradient path)
 * @param labels {@code [S]} int32 class labels: 1 lesion for the first p rows, 0 background after
 * @param regressionTargets {@code [S, 4]} deltas (weights 10, 10, 5, 5) from each positive RoI to
 *     its gt box; zeros for the negatives
 * @param matchedGt {@code [S]} int32 gt index of each positive, -1 for the negatives
 * @param positiveCount p, int32 scalar
 */
public record SampledRois(
    Operand<TFloat32> boxes,
    Operand<TInt32> labels,
    Operand<TFloat32> regressionTargets,
    Operand<TInt32> matchedGt,
    Operand<TInt32> positiveCount) {

  /** The positive RoIs' boxes {@code [p, 4]} (the mask head's input). */
  public Operand<TFloat32> positiveBoxes(Ops tf) {
    return tf.slice(
        boxes,
        tf.stack(java.util.List.of(tf.constant(0), tf.constant(0))),
        tf.stack(java.util.List.of(positiveCount, tf.constant(4))));
  }

  /** The positive RoIs' gt indices {@code [p]}. */
  public Operand<TInt32> positiveMatchedGt(Ops tf) {
    return tf.slice(
        matchedGt,
        tf.reshape(tf.constant(0), tf.constant(new int[] {1})),
        tf.reshape(positiveCount, tf.constant(new int[] {1})));
  }
}
