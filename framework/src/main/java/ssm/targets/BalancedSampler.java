package ssm.targets;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import ssm.util.Check;

/**
 * torchvision's {@code BalancedPositiveNegativeSampler} for one image, with stateless randomness.
 *
 * <p>From labels {@code [N]} (1 positive, 0 negative, anything else ignored): {@code numPos =
 * min(positives, int(batchPerImage * positiveFraction))}, {@code numNeg = min(negatives,
 * batchPerImage - numPos)}; each set is a uniformly random subset. Here every index draws one
 * uniform key from {@code statelessRandomUniform([N], seed)} and a set keeps its largest keys
 * (top-k of iid keys is a uniform random subset), so the same seed always gives the same sample:
 * training is reproducible and resumable. The random streams differ from PyTorch's {@code
 * randperm}; the distribution is the same.
 *
 * <p>Indices come back in decreasing key order (a random order). Callers that sample twice in one
 * step (RPN and RoI) must pass different seeds, e.g. {@link #subSeed}.
 */
public record BalancedSampler(int batchPerImage, float positiveFraction) {
  public BalancedSampler {
    Check.positive("sampler batch per image", batchPerImage);
    Check.range("sampler positive fraction", positiveFraction, 0, 1);
  }

  /** Sampled indices into the labelled set. */
  public record Sample(Operand<TInt32> positive, Operand<TInt32> negative) {}

  /** The positive quota {@code int(batchPerImage * positiveFraction)}, as torchvision (float64). */
  public int positiveQuota() {
    return (int) (batchPerImage * (double) positiveFraction);
  }

  /**
   * @param labels {@code [N]} int32: 1 positive, 0 negative, -1 (or any other value) ignored
   * @param seed {@code [2]} int64 stateless seed
   * @return positive indices {@code [numPos]} and negative indices {@code [numNeg]}, int32
   */
  public Sample sample(Ops tf, Operand<TInt32> labels, Operand<TInt64> seed) {
    Ops t = tf.withSubScope("balanced_sampler");
    Operand<TFloat32> keys = t.random.statelessRandomUniform(t.shape(labels), seed);
    Operand<TInt32> positives = indicesOf(t, labels, 1);
    Operand<TInt32> negatives = indicesOf(t, labels, 0);
    Operand<TInt32> numPos = t.math.minimum(t.size(positives), t.constant(positiveQuota()));
    Operand<TInt32> numNeg =
        t.math.minimum(t.size(negatives), t.math.sub(t.constant(batchPerImage), numPos));
    return new Sample(pick(t, keys, positives, numPos), pick(t, keys, negatives, numNeg));
  }

  /**
   * A seed for an independent stream: {@code seed + [0, stream]}.
   *
   * @param seed {@code [2]} int64
   */
  public static Operand<TInt64> subSeed(Ops tf, Operand<TInt64> seed, long stream) {
    return tf.math.add(seed, tf.constant(new long[] {0, stream}));
  }

  private static Operand<TInt32> indicesOf(Ops t, Operand<TInt32> labels, int value) {
    Operand<TInt64> where = t.where(t.math.equal(labels, t.constant(value)));
    return t.dtypes.cast(t.reshape(where, t.constant(new int[] {-1})), TInt32.class);
  }

  private static Operand<TInt32> pick(
      Ops t, Operand<TFloat32> keys, Operand<TInt32> candidates, Operand<TInt32> count) {
    Operand<TFloat32> candidateKeys = t.gather(keys, candidates, t.constant(0));
    Operand<TInt32> order = t.nn.topK(candidateKeys, count, TInt32.class).indices();
    return t.gather(candidates, order, t.constant(0));
  }
}
