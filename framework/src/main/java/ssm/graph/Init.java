package ssm.graph;

import org.tensorflow.Operand;
import org.tensorflow.framework.initializers.Initializer;
import org.tensorflow.framework.initializers.Ones;
import org.tensorflow.framework.initializers.RandomNormal;
import org.tensorflow.framework.initializers.RandomUniform;
import org.tensorflow.framework.initializers.VarianceScaling;
import org.tensorflow.framework.initializers.Zeros;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Initial values of a parameter, named after the PyTorch initialisers the reference model uses
 * (torchvision's ResNet, FPN, RPN and RoI heads), so that training from scratch starts where the
 * reference starts.
 */
public record Init(Kind kind, double fanIn) {

  /** The initialiser families used by the reference model. */
  public enum Kind {
    /** {@code nn.Linear} / {@code nn.Conv2d} default: kaiming_uniform(a = sqrt 5) = U(+-1/sqrt(fan_in)). */
    TORCH_DEFAULT,
    /** torchvision ResNet and mask-head convs: kaiming_normal(mode = fan_out, relu). */
    KAIMING_NORMAL_FAN_OUT,
    /** torchvision FPN convs: kaiming_uniform(a = 1) = U(+-sqrt(3/fan_in)). */
    KAIMING_UNIFORM_A1,
    /** torchvision RPN head: normal(std = 0.01). */
    NORMAL_001,
    /** A bias of a default {@code nn.Linear}/{@code nn.Conv2d}: U(+-1/sqrt(fan_in)) of its weight. */
    BIAS_UNIFORM,
    ZEROS,
    ONES
  }

  public static final Init TORCH_DEFAULT = new Init(Kind.TORCH_DEFAULT, 0);
  public static final Init KAIMING_NORMAL_FAN_OUT = new Init(Kind.KAIMING_NORMAL_FAN_OUT, 0);
  public static final Init KAIMING_UNIFORM_A1 = new Init(Kind.KAIMING_UNIFORM_A1, 0);
  public static final Init NORMAL_001 = new Init(Kind.NORMAL_001, 0);
  public static final Init ZEROS = new Init(Kind.ZEROS, 0);
  public static final Init ONES = new Init(Kind.ONES, 0);

  /** The default bias of a layer whose weight has {@code fanIn} inputs per output. */
  public static Init biasUniform(double fanIn) {
    return new Init(Kind.BIAS_UNIFORM, fanIn);
  }

  /** Builds the op that produces the initial value of a TF-layout variable of {@code tfShape}. */
  Operand<TFloat32> build(Ops tf, long[] tfShape, long seed) {
    Operand<TInt64> dims = tf.constant(tfShape);
    Initializer<TFloat32> initializer =
        switch (kind) {
          case TORCH_DEFAULT -> new VarianceScaling<>(
              1.0 / 3.0, VarianceScaling.Mode.FAN_IN, VarianceScaling.Distribution.UNIFORM, seed);
          case KAIMING_NORMAL_FAN_OUT -> new VarianceScaling<>(
              2.0, VarianceScaling.Mode.FAN_OUT,
              VarianceScaling.Distribution.NORMAL, seed);
          case KAIMING_UNIFORM_A1 -> new VarianceScaling<>(
              1.0, VarianceScaling.Mode.FAN_IN, VarianceScaling.Distribution.UNIFORM, seed);
          case NORMAL_001 -> new RandomNormal<>(0.0, 0.01, seed);
          case BIAS_UNIFORM -> new RandomUniform<>(
              -1 / Math.sqrt(fanIn), 1 / Math.sqrt(fanIn), seed);
          case ZEROS -> new Zeros<>();
          case ONES -> new Ones<>();
        };
    return initializer.call(tf, dims, TFloat32.class);
  }
}
