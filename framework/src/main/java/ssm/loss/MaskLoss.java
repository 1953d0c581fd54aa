package ssm.loss;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import ssm.mask.MaskHead;

/**
 * The mask loss (docs/explanation/model.md#51-losses-and-targets, torchvision {@code
 * maskrcnn_loss}): per-pixel BCE-with-logits of each positive RoI's own class channel (the lesion
 * channel, label 1) against its 28 x 28 target, MEAN over RoIs and pixels. 0 with no positive RoI
 * (torchvision returns {@code mask_logits.sum() * 0}); the gradient is then 0 too.
 */
public final class MaskLoss {
  private MaskLoss() {}

  /**
   * @param maskLogits {@code [p, M, M, 2]} from {@code MaskHead.logits} on the positive RoIs
   * @param targets {@code [p, M, M]} from {@code MaskTargets}
   * @return scalar
   */
  public static Operand<TFloat32> compute(
      Ops tf, Operand<TFloat32> maskLogits, Operand<TFloat32> targets) {
    Ops t = tf.withSubScope("mask_loss");
    Operand<TFloat32> bce =
        ElementwiseLosses.bceWithLogits(
            t, MaskHead.lesionLogits(t, maskLogits), t.stopGradient(targets));
    return ElementwiseLosses.sumOver(t, bce, t.size(bce));
  }
}
