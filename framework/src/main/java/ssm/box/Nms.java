package ssm.box;

import org.tensorflow.Operand;
import org.tensorflow.Operation;
import org.tensorflow.op.Ops;
import org.tensorflow.op.Scope;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import ssm.util.Check;

/**
 * Greedy non-maximum suppression with torchvision's semantics
 * (docs/explanation/model.md#94-strict-nms-and-thresholds), on one NonMaxSuppressionV3 op (V5 has
 * no GPU kernel; docs/how-to/gpu.md): boxes in decreasing score order, equal scores by lower index
 * first; a box is suppressed when its IoU with a kept box is strictly greater than the threshold;
 * zero-area boxes have IoU 0 with everything, so they are never suppressed and never suppress.
 */
public final class Nms {
  /** torchvision {@code batched_nms} switches to per-class NMS above this many coordinates. */
  static final int COORDINATE_TRICK_MAX_NUMEL = 4000;

  private Nms() {}

  /**
   * torchvision {@code batched_nms} for boxes that all carry the same {@code label}. With {@code N
   * * 4 > 4000} plain NMS; otherwise the boxes are first shifted by {@code label * (max coordinate
   * + 1)} (the "coordinate trick", which changes IoUs in the last float bits). N is dynamic, so the
   * shift is chosen in the graph.
   *
   * @param boxes {@code [N, 4]} {@code x1, y1, x2, y2}
   * @param scores {@code [N]}
   * @param maxOutput the most indices returned (torchvision keeps all and truncates afterwards,
   *     which is the same)
   * @return int32 indices into {@code boxes}, {@code [K]}, K <= min(N, maxOutput), in decreasing
   *     score order; empty when N = 0
   */
  public static Operand<TInt32> batched(
      Ops tf,
      Operand<TFloat32> boxes,
      Operand<TFloat32> scores,
      int label,
      float iouThreshold,
      int maxOutput) {
    Check.that(label >= 0, "NMS label must be >= 0, got %s", label);
    Check.that(maxOutput >= 0, "NMS maxOutput must be >= 0, got %s", maxOutput);
    Ops t = tf.withSubScope("batched_nms");
    Operand<TInt32> numel = t.size(boxes);
    // For N = 0 the max is -inf and the shift NaN or -inf, harmless on an empty tensor.
    Operand<TFloat32> maxCoordinate = t.reduceMax(boxes, t.constant(new int[] {0, 1}));
    Operand<TFloat32> shift =
        t.select(
            t.math.greater(numel, t.constant(COORDINATE_TRICK_MAX_NUMEL)),
            t.constant(0f),
            t.math.mul(t.constant((float) label), t.math.add(maxCoordinate, t.constant(1f))));
    return plain(t, t.math.add(boxes, shift), scores, iouThreshold, maxOutput);
  }

  /**
   * torchvision {@code nms}: indices into {@code boxes [N, 4]} kept by greedy NMS at {@code
   * iouThreshold} over {@code scores [N]}, at most {@code maxOutput}, in decreasing score order.
   */
  public static Operand<TInt32> plain(
      Ops tf,
      Operand<TFloat32> boxes,
      Operand<TFloat32> scores,
      float iouThreshold,
      int maxOutput) {
    Check.range("NMS IoU threshold", iouThreshold, 0, 1);
    // V3 reads boxes as (y1, x1, y2, x2), but its IoU is symmetric in the two axes, so x1, y1, x2,
    // y2 works unchanged. Score threshold -inf: no score filtering. V3, not V5 (the op behind
    // tf.image.nonMaxSuppression): TensorFlow 2.16 has GPU kernels for V3 and V4 only, and on CPU
    // V3 is V5's hard NMS (the same DoNonMaxSuppressionOp, soft-NMS sigma 0); docs/how-to/gpu.md.
    Scope scope = tf.scope();
    Operation nms =
        scope
            .opBuilder("NonMaxSuppressionV3", "NonMaxSuppressionV3")
            .addInput(boxes.asOutput())
            .addInput(scores.asOutput())
            .addInput(tf.constant(maxOutput).asOutput())
            .addInput(tf.constant(iouThreshold).asOutput())
            .addInput(tf.constant(Float.NEGATIVE_INFINITY).asOutput())
            .build();
    return nms.<TInt32>output(0);
  }
}
