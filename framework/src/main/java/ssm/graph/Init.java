package ssm.graph;

import org.tensorflow.Operand;
import org.tensorflow.framework.initializers.Initializer;
import org.tensorflow.framework.initializers.Ones;
import org.tensorflow.framework.initializers.RandomNormal;
import org.tensorflow.framework.initializers.RandomUniform;
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
    /**
     * {@code nn.Linear} / {@code nn.Conv2d} default: kaiming_uniform(a = sqrt 5) =
     * U(+-1/sqrt(fan_in)).
     */
    TORCH_DEFAULT,
    /** torchvision ResNet and mask-head convs: kaiming_normal(mode = fan_out, relu). */
    KAIMING_NORMAL_FAN_OUT,
    /** torchvision FPN convs: kaiming_uniform(a = 1) = U(+-sqrt(3/fan_in)). */
    KAIMING_UNIFORM_A1,
    /** torchvision RPN head: normal(std = 0.01). */
    NORMAL_001,
    /**
     * A bias of a default {@code nn.Linear}/{@code nn.Conv2d}: U(+-1/sqrt(fan_in)) of its weight.
     */
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

  /**
   * Builds the op that produces the initial value of a TF-layout variable of {@code tfShape}. Fans
   * are computed here, in PyTorch's way, because framework's VarianceScaling costs about 20 ms of
   * graph building per variable (measured), which made a model take seconds to build.
   */
  Operand<TFloat32> build(Ops tf, long[] tfShape, long seed) {
    Operand<TInt64> dims = tf.constant(tfShape);
    Initializer<TFloat32> initializer =
        switch (kind) {
          // kaiming_uniform(a = sqrt 5): gain sqrt(1/3), bound gain * sqrt(3 / fan_in)
          case TORCH_DEFAULT -> uniform(1 / Math.sqrt(fans(tfShape)[0]), seed);
          // kaiming_normal(fan_out, relu): std sqrt(2 / fan_out)
          case KAIMING_NORMAL_FAN_OUT ->
              new RandomNormal<>(0.0, Math.sqrt(2.0 / fans(tfShape)[1]), seed);
          // kaiming_uniform(a = 1): gain 1, bound sqrt(3 / fan_in)
          case KAIMING_UNIFORM_A1 -> uniform(Math.sqrt(3.0 / fans(tfShape)[0]), seed);
          case NORMAL_001 -> new RandomNormal<>(0.0, 0.01, seed);
          case BIAS_UNIFORM -> uniform(1 / Math.sqrt(fanIn), seed);
          case ZEROS -> new Zeros<>();
          case ONES -> new Ones<>();
        };
    return initializer.call(tf, dims, TFloat32.class);
  }

  private static Initializer<TFloat32> uniform(double bound, long seed) {
    return new RandomUniform<>(-bound, bound, seed);
  }

  /**
   * (fan_in, fan_out) of a TF-layout weight: [in, out] for linear layers, [kH, kW, in, out] for
   * convolutions ([kH, kW, out, in] for transposed ones, whose PyTorch fans swap the same way).
   */
  static long[] fans(long[] tfShape) {
    long receptive = 1;
    for (int i = 0; i < tfShape.length - 2; i++) {
      receptive *= tfShape[i];
    }
    return new long[] {
      tfShape[tfShape.length - 2] * receptive, tfShape[tfShape.length - 1] * receptive
    };
  }
}
