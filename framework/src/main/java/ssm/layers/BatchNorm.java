package ssm.layers;

import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.types.TFloat32;
import ssm.graph.GraphContext;
import ssm.graph.Init;
import ssm.graph.ParameterLayout;

/**
 * BatchNorm2d over NHWC with PyTorch semantics: eps 1e-5, affine, running statistics as buffers
 * ({@code running_mean}, {@code running_var}) updated with {@code momentum} (PyTorch's 0.1 unless
 * {@code model.backbone.batch-norm-momentum} says otherwise).
 *
 * @param name parameter prefix, e.g. {@code backbone.body.bn1}
 */
public record BatchNorm(String name, int channels, float momentum) {
  static final float EPS = 1e-5f;

  /** PyTorch's default momentum, the reference's. */
  public static final float PYTORCH_MOMENTUM = 0.1f;

  /** A layer with PyTorch's momentum. */
  public BatchNorm(String name, int channels) {
    this(name, channels, PYTORCH_MOMENTUM);
  }

  /**
   * Normalises {@code x}. In {@link BatchNormMode#TRAINING} mode the running-statistics updates are
   * added to {@link GraphContext#batchNormUpdates()}; a training step runs them.
   */
  public Operand<TFloat32> apply(GraphContext g, Ops tf, Operand<TFloat32> x, BatchNormMode mode) {
    long[] shape = {channels};
    Operand<TFloat32> gamma =
        g.parameters().parameter(name + ".weight", shape, ParameterLayout.IDENTITY, Init.ONES);
    Operand<TFloat32> beta =
        g.parameters().parameter(name + ".bias", shape, ParameterLayout.IDENTITY, Init.ZEROS);
    var mean = g.parameters().buffer(name + ".running_mean", shape, Init.ZEROS);
    var variance = g.parameters().buffer(name + ".running_var", shape, Init.ONES);
    if (mode == BatchNormMode.INFERENCE) {
      // y = x * scale + shift; the statistics are constants for the gradient.
      Operand<TFloat32> scale =
          tf.math.mul(
              gamma, tf.stopGradient(tf.math.rsqrt(tf.math.add(variance, tf.constant(EPS)))));
      Operand<TFloat32> shift =
          tf.math.sub(beta, tf.math.mul(tf.stopGradient(mean.asOutput()), scale));
      return tf.math.add(tf.math.mul(x, scale), shift);
    }
    FusedBatchNorm<TFloat32, TFloat32> bn =
        tf.nn.fusedBatchNorm(
            x,
            gamma,
            beta,
            tf.constant(new float[0]),
            tf.constant(new float[0]),
            FusedBatchNorm.epsilon(EPS),
            FusedBatchNorm.isTraining(true),
            FusedBatchNorm.dataFormat("NHWC"));
    // TF's batch_variance output is the unbiased (Bessel-corrected) variance, as PyTorch's
    // running_var update uses: running = (1 - momentum) * running + momentum * batch.
    Op updateMean = tf.assign(mean, RunningAverage.next(tf, mean, bn.batchMean(), momentum));
    Op updateVar =
        tf.assign(variance, RunningAverage.next(tf, variance, bn.batchVariance(), momentum));
    g.batchNormUpdates().add(updateMean);
    g.batchNormUpdates().add(updateVar);
    return bn.y();
  }
}
