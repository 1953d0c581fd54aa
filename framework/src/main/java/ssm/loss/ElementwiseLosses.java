package ssm.loss;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * Element-wise loss formulas shared by the loss terms. Each is built from ops that have gradients
 * in TF Java's C++ registry (no {@code Square}: its gradient crashes the JVM; no {@code
 * SparseSoftmaxCrossEntropyWithLogits}: it has no gradient).
 */
public final class ElementwiseLosses {
  private ElementwiseLosses() {}

  /**
   * Binary cross-entropy with logits, PyTorch's stable form {@code max(x, 0) - x z +
   * log1p(exp(-|x|))} (= {@code -z log s(x) - (1 - z) log(1 - s(x))}), element-wise; same shape as
   * {@code x}. The gradient is {@code sigmoid(x) - z} everywhere, as PyTorch's: the softplus is
   * built as a select of two smooth branches, {@code x + log1p(exp(-x))} for {@code x >= 0} and
   * {@code log1p(exp(x))} below, each fed a clamped copy of x so the unused branch stays finite.
   * (Written literally, TF's subgradients of {@code max} and {@code abs} at x = 0 would give {@code
   * 1 - z} there instead of {@code 0.5 - z}.)
   */
  public static Operand<TFloat32> bceWithLogits(
      Ops tf, Operand<TFloat32> logits, Operand<TFloat32> targets) {
    return tf.math.sub(softplus(tf, logits), tf.math.mul(logits, targets));
  }

  /** {@code log(1 + exp(x))}, stable for any x, with gradient {@code sigmoid(x)} everywhere. */
  static Operand<TFloat32> softplus(Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> zero = tf.constant(0f);
    Operand<TFloat32> upper = tf.math.maximum(x, zero);
    Operand<TFloat32> lower = tf.math.minimum(x, zero);
    return tf.select(
        tf.math.greaterEqual(x, zero),
        tf.math.add(upper, tf.math.log1p(tf.math.exp(tf.math.neg(upper)))),
        tf.math.log1p(tf.math.exp(lower)));
  }

  /**
   * Smooth L1 with {@code beta = 1} (PyTorch {@code smooth_l1_loss} default), element-wise: {@code
   * 0.5 d^2} for {@code |d| < 1}, else {@code |d| - 0.5}; {@code d = x - y}.
   */
  public static Operand<TFloat32> smoothL1(Ops tf, Operand<TFloat32> x, Operand<TFloat32> y) {
    Operand<TFloat32> d = tf.math.sub(x, y);
    Operand<TFloat32> abs = tf.math.abs(d);
    return tf.select(
        tf.math.less(abs, tf.constant(1f)),
        tf.math.mul(tf.constant(0.5f), tf.math.mul(d, d)),
        tf.math.sub(abs, tf.constant(0.5f)));
  }

  /**
   * Softmax cross-entropy {@code -log softmax(logits)[label]} per row, from LogSoftmax and a
   * one-hot multiply-sum.
   *
   * @param logits {@code [N, C]}
   * @param labels {@code [N]} int32 in {@code 0..C-1}
   * @return {@code [N]}
   */
  public static Operand<TFloat32> softmaxCrossEntropy(
      Ops tf, Operand<TFloat32> logits, Operand<TInt32> labels, int classes) {
    Operand<TFloat32> oneHot =
        tf.oneHot(labels, tf.constant(classes), tf.constant(1f), tf.constant(0f));
    return tf.math.neg(tf.sum(tf.math.mul(tf.nn.logSoftmax(logits), oneHot), tf.constant(1)));
  }

  /** {@code sum(values) / max(count, 1)}: a mean that is 0, not NaN, over nothing. */
  static Operand<TFloat32> sumOver(Ops tf, Operand<TFloat32> values, Operand<TInt32> count) {
    Operand<TFloat32> total =
        tf.sum(values, tf.range(tf.constant(0), tf.rank(values), tf.constant(1)));
    return tf.math.div(
        total, tf.dtypes.cast(tf.math.maximum(count, tf.constant(1)), TFloat32.class));
  }
}
