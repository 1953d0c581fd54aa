package ssm.layers;

import java.util.Arrays;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.Conv;
import org.tensorflow.types.TFloat32;

/**
 * The gradient of TensorFlow's generic {@code Conv} op, which has none of its own, as the {@code
 * Conv2D} gradient: {@code Conv2DBackpropInput} and {@code Conv2DBackpropFilter}.
 *
 * <p>Why {@link Conv2d} uses {@code Conv} and not {@code Conv2D}: with oneDNN on, TensorFlow
 * rewrites every {@code Conv2D} into oneDNN's convolution, which on this project's CPUs runs an
 * im2col + GEMM kernel ({@code x64:gemm:jit}) 2-2.5x slower than Eigen's, while oneDNN's backward
 * convolutions and matrix products are faster than Eigen's. oneDNN does not rewrite {@code Conv}:
 * forward convolutions run in Eigen, their gradients in oneDNN (docs/explanation/performance.md).
 * Only the 2-d, NHWC, undilated, ungrouped, SAME/VALID form that {@link Conv2d} builds is handled.
 *
 * <p>A gradient function runs while TensorFlow holds the graph's lock: asking for a tensor's shape
 * in it would wait forever, so everything here is built from the op's attributes.
 */
final class ConvGradient {
  private static boolean registered;

  private ConvGradient() {}

  /** Registers the gradient once per JVM; TensorFlow keeps it for every graph. */
  static synchronized void ensureRegistered() {
    if (!registered) {
      @SuppressWarnings({"rawtypes", "unchecked"})
      boolean added =
          TensorFlow.registerCustomGradient(
              Conv.Inputs.class,
              (tf, op, gradients) -> gradients(tf, (Conv.Inputs<?>) op, gradients));
      if (!added) {
        throw new IllegalStateException(
            "TensorFlow already has a gradient for the Conv op: "
                + "check that it equals Conv2D's before relying on it (ssm.layers.ConvGradient)");
      }
      registered = true;
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Operand<?>> gradients(Ops tf, Conv.Inputs<?> op, List<Output<?>> dy) {
    checkSupported(op);
    Operand<TFloat32> x = (Operand<TFloat32>) op.input;
    Operand<TFloat32> w = (Operand<TFloat32>) op.filter;
    Operand<TFloat32> grad = (Operand<TFloat32>) dy.get(0);
    List<Long> strides = Arrays.stream(op.strides).boxed().toList();
    return List.of(
        tf.nn.conv2dBackpropInput(tf.shape(x), w, grad, strides, op.padding),
        tf.nn.conv2dBackpropFilter(x, tf.shape(w), grad, strides, op.padding));
  }

  private static void checkSupported(Conv.Inputs<?> op) {
    boolean plain =
        op.strides.length == 4
            && op.groups == 1
            && op.batchDims == 1
            && Arrays.stream(op.dilations).allMatch(d -> d == 1)
            && "CHANNELS_LAST".equals(op.dataFormat)
            && ("SAME".equals(op.padding) || "VALID".equals(op.padding));
    if (!plain) {
      throw new IllegalArgumentException(
          "no gradient for this Conv: only 2-d NHWC, SAME/VALID, "
              + "undilated, ungrouped convolutions are supported; got strides "
              + Arrays.toString(op.strides)
              + ", padding "
              + op.padding
              + ", data format "
              + op.dataFormat
              + ", dilations "
              + Arrays.toString(op.dilations)
              + ", groups "
              + op.groups);
    }
  }
}
