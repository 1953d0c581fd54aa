package ssm.layers;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import ssm.graph.GraphContext;
import ssm.graph.Init;
import ssm.graph.ParameterLayout;

/**
 * A 2-d convolution with PyTorch's padding semantics, NHWC. PyTorch pads symmetrically; TF's
 * "SAME" pads asymmetrically for stride 2, so stride-2 and odd paddings pad explicitly first.
 * Built as TensorFlow's generic {@code Conv} op, not {@code Conv2D}, so that it runs in Eigen
 * even with oneDNN on (see {@link ConvGradient}); the arithmetic is the same.
 *
 * @param name parameter prefix, e.g. {@code backbone.body.conv1} ({@code .weight}, {@code .bias})
 */
public record Conv2d(
    String name, int in, int out, int kernel, int stride, int padding, boolean bias,
    Init weightInit, Init biasInit) {

  static {
    ConvGradient.ensureRegistered();
  }

  /** A convolution with bias, both initialised with {@code weightInit} / zeros. */
  public static Conv2d withBias(String name, int in, int out, int kernel, int padding, Init init) {
    return new Conv2d(name, in, out, kernel, 1, padding, true, init, Init.ZEROS);
  }

  /** A convolution without bias (followed by BatchNorm). */
  public static Conv2d noBias(String name, int in, int out, int kernel, int stride, int padding) {
    return new Conv2d(name, in, out, kernel, stride, padding, false, Init.KAIMING_NORMAL_FAN_OUT,
        null);
  }

  /** Applies the convolution to {@code x} [N, H, W, in]. */
  public Operand<TFloat32> apply(GraphContext g, Ops tf, Operand<TFloat32> x) {
    Operand<TFloat32> w = g.parameters().parameter(name + ".weight",
        new long[] {out, in, kernel, kernel}, ParameterLayout.CONV, weightInit);
    List<Long> strides = List.of(1L, (long) stride, (long) stride, 1L);
    Operand<TFloat32> y;
    if (padding == 0) {
      y = tf.nn.conv(x, w, strides, "VALID");
    } else if (stride == 1 && 2 * padding == kernel - 1) {
      y = tf.nn.conv(x, w, strides, "SAME"); // symmetric: same as PyTorch
    } else {
      y = tf.nn.conv(zeroPad(tf, x, padding), w, strides, "VALID");
    }
    if (bias) {
      Operand<TFloat32> b = g.parameters().parameter(name + ".bias", new long[] {out},
          ParameterLayout.IDENTITY, biasInit);
      y = tf.nn.biasAdd(y, b);
    }
    return y;
  }

  /** Pads H and W of an NHWC tensor by {@code p} zeros on each side. */
  static Operand<TFloat32> zeroPad(Ops tf, Operand<TFloat32> x, int p) {
    return tf.pad(x, tf.constant(new int[][] {{0, 0}, {p, p}, {p, p}, {0, 0}}), tf.constant(0f));
  }
}
