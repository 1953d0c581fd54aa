package ssm.loss;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The image-classification loss of S (Eq. 2, docs/explanation/model.md#51-losses-and-targets):
 * BCE-with-logits of the class logits against the one-hot image label, MEAN over the classes
 * (PyTorch {@code BCEWithLogitsLoss} default reduction), e.g. COVID-19 = [0, 0, 1].
 */
public final class ImageClassLoss {
  private ImageClassLoss() {}

  /**
   * @param logits {@code [C]} ({@code SHead.logits})
   * @param oneHot {@code [C]} float32 target
   * @return scalar
   */
  public static Operand<TFloat32> compute(
      Ops tf, Operand<TFloat32> logits, Operand<TFloat32> oneHot) {
    Ops t = tf.withSubScope("image_class_loss");
    return t.math.mean(
        ElementwiseLosses.bceWithLogits(t, logits, t.stopGradient(oneHot)), t.constant(0));
  }

  /**
   * @param logits {@code [C]}
   * @param label int32 scalar class index in {@code 0..classes-1}
   */
  public static Operand<TFloat32> forLabel(
      Ops tf, Operand<TFloat32> logits, Operand<TInt32> label, int classes) {
    return compute(
        tf, logits, tf.oneHot(label, tf.constant(classes), tf.constant(1f), tf.constant(0f)));
  }
}
