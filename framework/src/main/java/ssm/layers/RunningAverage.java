package ssm.layers;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The exponential running average of BatchNorm's statistics and of S's input standardisation,
 * PyTorch's convention: running' = (1 - momentum) running + momentum value.
 */
public final class RunningAverage {
  private RunningAverage() {}

  /** The next running value; {@code value} carries no gradient. */
  public static Operand<TFloat32> next(
      Ops tf, Operand<TFloat32> running, Operand<TFloat32> value, float momentum) {
    return tf.math.add(
        tf.math.mul(running, tf.constant(1 - momentum)),
        tf.math.mul(tf.stopGradient(value), tf.constant(momentum)));
  }
}
