package ssm.layers;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import ssm.graph.GraphContext;
import ssm.graph.Init;
import ssm.graph.ParameterLayout;
import ssm.util.Check;

/**
 * A 2-d convolution with PyTorch's padding semantics, NHWC. PyTorch pads symmetrically; TF's "SAME"
 * pads asymmetrically for stride 2, so stride-2 and odd paddings pad explicitly first. Built as
 * TensorFlow's generic {@code Conv} op, not {@code Conv2D}, so that it runs in Eigen even with
 * oneDNN on (see {@link ConvGradient}); the arithmetic is the same.
 *
 * <p>Built by name through {@link #named}, so that a call site says which number is which: {@code
 * Conv2d.named("rpn.head.conv").channels(256, 256).kernel(3).padding(1)
 * .init(Init.NORMAL_001).build()}.
 *
 * @param name parameter prefix, e.g. {@code backbone.body.conv1} ({@code .weight}, {@code .bias})
 * @param biasInit the bias's initialiser; null: no bias (the convolution feeds a BatchNorm)
 */
public record Conv2d(
    String name,
    int in,
    int out,
    int kernel,
    int stride,
    int padding,
    Init weightInit,
    Init biasInit) {

  static {
    ConvGradient.ensureRegistered();
  }

  public Conv2d {
    Check.that(in > 0 && out > 0, "conv %s: channels %s -> %s must be positive", name, in, out);
    Check.that(
        kernel > 0 && stride > 0 && padding >= 0,
        "conv %s: kernel %s, stride %s, padding %s out of range",
        name,
        kernel,
        stride,
        padding);
    Check.that(weightInit != null, "conv %s has no weight initialiser", name);
  }

  /** A builder of the convolution whose parameters are named {@code name.weight/.bias}. */
  public static Builder named(String name) {
    return new Builder(name);
  }

  /** Whether the convolution adds a bias. */
  public boolean bias() {
    return biasInit != null;
  }

  /**
   * Named settings of a {@link Conv2d}, with PyTorch's defaults: stride 1, padding 0, a bias
   * initialised to zeros. Channels and the weight's initialiser have no default.
   */
  public static final class Builder {
    private final String name;
    private int in;
    private int out;
    private int kernel = 1;
    private int stride = 1;
    private int padding;
    private Init weightInit;
    private Init biasInit = Init.ZEROS;

    private Builder(String name) {
      this.name = name;
    }

    /** Input and output channels. */
    public Builder channels(int in, int out) {
      this.in = in;
      this.out = out;
      return this;
    }

    /** Side of the square kernel (default 1). */
    public Builder kernel(int kernel) {
      this.kernel = kernel;
      return this;
    }

    /** Stride in both directions (default 1). */
    public Builder stride(int stride) {
      this.stride = stride;
      return this;
    }

    /** Zeros added on each side of H and W, as PyTorch's {@code padding} (default 0). */
    public Builder padding(int padding) {
      this.padding = padding;
      return this;
    }

    /** The weight's initialiser. */
    public Builder init(Init weightInit) {
      this.weightInit = weightInit;
      return this;
    }

    /** No bias: the convolution feeds a BatchNorm, which has its own shift. */
    public Builder noBias() {
      this.biasInit = null;
      return this;
    }

    public Conv2d build() {
      return new Conv2d(name, in, out, kernel, stride, padding, weightInit, biasInit);
    }
  }

  /** Applies the convolution to {@code x} [N, H, W, in]. */
  public Operand<TFloat32> apply(GraphContext g, Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> w =
        g.parameters()
            .parameter(
                name + ".weight",
                new long[] {out, in, kernel, kernel},
                ParameterLayout.CONV,
                weightInit);
    List<Long> strides = List.of(1L, (long) stride, (long) stride, 1L);
    Operand<TFloat32> y;
    if (padding == 0) {
      y = tf.nn.conv(x, w, strides, "VALID");
    } else if (stride == 1 && 2 * padding == kernel - 1) {
      y = tf.nn.conv(x, w, strides, "SAME"); // symmetric: same as PyTorch
    } else {
      y = tf.nn.conv(zeroPad(tf, x, padding), w, strides, "VALID");
    }
    if (bias()) {
      Operand<TFloat32> b =
          g.parameters()
              .parameter(name + ".bias", new long[] {out}, ParameterLayout.IDENTITY, biasInit);
      y = tf.nn.biasAdd(y, b);
    }
    return y;
  }

  /** Pads H and W of an NHWC tensor by {@code p} zeros on each side. */
  static Operand<TFloat32> zeroPad(Ops tf, Operand<TFloat32> x, int p) {
    return tf.pad(x, tf.constant(new int[][] {{0, 0}, {p, p}, {p, p}, {0, 0}}), tf.constant(0f));
  }
}
