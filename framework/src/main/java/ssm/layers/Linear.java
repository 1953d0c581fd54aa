package ssm.layers;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import ssm.graph.GraphContext;
import ssm.graph.Init;
import ssm.graph.ParameterLayout;

/**
 * A fully connected layer y = x W + b on [N, in] inputs, initialised as PyTorch's nn.Linear.
 *
 * @param name parameter prefix, e.g. {@code s2new.fc_scores}
 * @param roiChannels when positive, the input is a flattened NHWC RoI feature of this many channels
 *     and the weight is stored permuted (see {@link ParameterLayout#LINEAR_FROM_NCHW})
 */
public record Linear(String name, int in, int out, int roiChannels) {

  /** A plain linear layer. */
  public static Linear of(String name, int in, int out) {
    return new Linear(name, in, out, 0);
  }

  /** Applies the layer to {@code x} [N, in]. */
  public Operand<TFloat32> apply(GraphContext g, Ops tf, Operand<TFloat32> x) {
    long[] shape = {out, in};
    Operand<TFloat32> w =
        roiChannels > 0
            ? g.parameters()
                .roiLinearWeight(name + ".weight", shape, roiChannels, Init.TORCH_DEFAULT)
            : g.parameters()
                .parameter(name + ".weight", shape, ParameterLayout.LINEAR, Init.TORCH_DEFAULT);
    Operand<TFloat32> b =
        g.parameters()
            .parameter(
                name + ".bias", new long[] {out}, ParameterLayout.IDENTITY, Init.biasUniform(in));
    return tf.nn.biasAdd(tf.linalg.matMul(x, w), b);
  }
}
