package ssm.loss;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import ssm.targets.AnchorTargets;

/**
 * The RPN's two loss terms (docs/explanation/model.md#51-losses-and-targets, older torchvision
 * {@code rpn.compute_loss}): objectness BCE-with-logits, MEAN over the sampled anchors (positives
 * label 1, negatives 0); box loss L1, SUM over the sampled positives' 4 deltas divided by the
 * number of sampled anchors. With no sampled anchors both are 0 (torchvision would give NaN; it
 * cannot happen with a non-empty grid).
 */
public final class RpnLoss {
  private RpnLoss() {}

  /** Both RPN terms, scalars. */
  public record Terms(Operand<TFloat32> objectness, Operand<TFloat32> box) {}

  /**
   * @param objectnessLogits {@code [A]} ({@code RpnOutputs.objectnessLogits})
   * @param anchorDeltas {@code [A, 4]} ({@code RpnOutputs.anchorDeltas})
   * @param targets the anchors' targets from {@code RpnTargets}
   */
  public static Terms compute(
      Ops tf,
      Operand<TFloat32> objectnessLogits,
      Operand<TFloat32> anchorDeltas,
      AnchorTargets targets) {
    Ops t = tf.withSubScope("rpn_loss");
    Operand<TInt32> positive = targets.positive();
    Operand<TInt32> negative = targets.negative();
    Operand<TInt32> sampled = t.concat(List.of(positive, negative), t.constant(0));
    Operand<TFloat32> labels =
        t.concat(
            List.of(
                t.dtypes.cast(t.onesLike(positive), TFloat32.class),
                t.dtypes.cast(t.zerosLike(negative), TFloat32.class)),
            t.constant(0));
    Operand<TInt32> count = t.size(sampled);
    Operand<TFloat32> objectness =
        ElementwiseLosses.sumOver(
            t,
            ElementwiseLosses.bceWithLogits(
                t, t.gather(objectnessLogits, sampled, t.constant(0)), labels),
            count);
    // Gather the positives only: other rows of the targets may be infinite (zero-height anchors).
    Operand<TFloat32> difference =
        t.math.sub(
            t.gather(anchorDeltas, positive, t.constant(0)),
            t.stopGradient(t.gather(targets.regressionTargets(), positive, t.constant(0))));
    Operand<TFloat32> box = ElementwiseLosses.sumOver(t, t.math.abs(difference), count);
    return new Terms(objectness, box);
  }
}
