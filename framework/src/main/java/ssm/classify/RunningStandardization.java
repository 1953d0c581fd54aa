package ssm.classify;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import ssm.graph.GraphContext;
import ssm.graph.Init;
import ssm.layers.RunningAverage;

/**
 * Standardises a [1, C] input per channel with running statistics, for S's inputs that come one
 * slice at a time, where BatchNorm's batch statistics do not exist: y = (x - mean) / sqrt(var +
 * eps) with buffers {@code NAME.running_mean} (initially 0) and {@code NAME.running_var} (initially
 * 1). Each classification training step then moves them towards the slice's values: mean' = (1 - m)
 * mean + m x, var' = (1 - m) var + m (x - mean)^2, after y has read them; other runs (validation,
 * prediction) only read them. The statistics carry no gradient.
 *
 * @param name buffer-name prefix, e.g. {@code s2new.feature_norm}
 * @param channels C
 * @param momentum m
 */
public record RunningStandardization(String name, int channels, float momentum) {
  private static final float EPS = 1e-5f;

  /** {@code x} [1, C] standardised; the update lands in the classification step's updates. */
  public Operand<TFloat32> apply(GraphContext g, Ops tf, Operand<TFloat32> x) {
    long[] shape = {channels};
    var mean = g.parameters().buffer(name + ".running_mean", shape, Init.ZEROS);
    var variance = g.parameters().buffer(name + ".running_var", shape, Init.ONES);
    Operand<TFloat32> meanNow = tf.stopGradient(tf.identity(mean));
    Operand<TFloat32> varNow = tf.stopGradient(tf.identity(variance));
    Operand<TFloat32> y =
        tf.math.mul(tf.math.sub(x, meanNow), tf.math.rsqrt(tf.math.add(varNow, tf.constant(EPS))));
    Operand<TFloat32> value = tf.stopGradient(tf.reshape(x, tf.constant(new long[] {channels})));
    Operand<TFloat32> deviation = tf.math.sub(value, meanNow);
    Operand<TFloat32> nextMean = RunningAverage.next(tf, meanNow, value, momentum);
    Operand<TFloat32> nextVar =
        RunningAverage.next(tf, varNow, tf.math.mul(deviation, deviation), momentum);
    // The snapshots may share the variables' buffers (Identity forwards them), so both new values
    // and y are computed before either assign writes: a step normalises and updates with the
    // statistics it started with, whatever order the session picks.
    Ops after = tf.withControlDependencies(List.of(y, nextMean, nextVar));
    Op updateMean = after.assign(mean, nextMean);
    Op updateVar = after.assign(variance, nextVar);
    g.classifierStatisticsUpdates().add(updateMean);
    g.classifierStatisticsUpdates().add(updateVar);
    return y;
  }
}
