package ssm.mask;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import ssm.graph.GraphContext;
import ssm.graph.Init;
import ssm.graph.ParameterLayout;
import ssm.layers.Conv2d;
import ssm.settings.ModelSettings.MaskSettings;

/**
 * Mask head and predictor (docs/explanation/model.md#25-mask-head): pooled [N, 14, 14, C] -> 3x3
 * convs + ReLU ({@code mask_fcn1..}) -> 2x2 stride-2 transposed conv + ReLU ({@code conv5_mask}) ->
 * 1x1 conv to 2 logits ({@code mask_fcn_logits}) -> [N, 28, 28, 2].
 */
public final class MaskHead {
  private final MaskSettings settings;
  private final int channels;

  public MaskHead(MaskSettings settings, int channels) {
    this.settings = settings;
    this.channels = channels;
  }

  /**
   * Mask logits [N, 2S, 2S, 2] for pooled features [N, S, S, C], under {@code scope}'s sub-scope
   * "mask_head".
   */
  public Operand<TFloat32> logits(GraphContext g, Ops scope, Operand<TFloat32> pooled) {
    Ops tf = scope.withSubScope("mask_head");
    Operand<TFloat32> x = pooled;
    int in = channels;
    int[] layers = settings.layers();
    for (int i = 0; i < layers.length; i++) {
      x =
          tf.nn.relu(
              Conv2d.named("roi_heads.mask_head.mask_fcn" + (i + 1))
                  .channels(in, layers[i])
                  .kernel(3)
                  .padding(1)
                  .init(Init.KAIMING_NORMAL_FAN_OUT)
                  .build()
                  .apply(g, tf, x));
      in = layers[i];
    }
    x = tf.nn.relu(transposedConv(g, tf, x, in, in));
    return Conv2d.named("roi_heads.mask_predictor.mask_fcn_logits")
        .channels(in, 2)
        .init(Init.KAIMING_NORMAL_FAN_OUT)
        .build()
        .apply(g, tf, x);
  }

  /** Lesion-mask probabilities [N, 2S, 2S]: sigmoid of the lesion channel (label 1). */
  public Operand<TFloat32> lesionProbabilities(Ops tf, Operand<TFloat32> logits) {
    return tf.math.sigmoid(lesionLogits(tf, logits));
  }

  /** The lesion channel of the logits, [N, 2S, 2S]. */
  public static Operand<TFloat32> lesionLogits(Ops tf, Operand<TFloat32> logits) {
    return tf.gather(logits, tf.constant(1), tf.constant(3));
  }

  /**
   * ConvTranspose2d(k 2, s 2, bias) as the gradient of a convolution: [N,S,S,in] -> [N,2S,2S,out].
   */
  private static Operand<TFloat32> transposedConv(
      GraphContext g, Ops tf, Operand<TFloat32> x, int in, int out) {
    String name = "roi_heads.mask_predictor.conv5_mask";
    Operand<TFloat32> w =
        g.parameters()
            .parameter(
                name + ".weight",
                new long[] {in, out, 2, 2},
                ParameterLayout.CONV_TRANSPOSE,
                Init.KAIMING_NORMAL_FAN_OUT);
    Operand<TFloat32> b =
        g.parameters()
            .parameter(name + ".bias", new long[] {out}, ParameterLayout.IDENTITY, Init.ZEROS);
    Operand<TInt32> shape = tf.shape(x);
    Operand<TInt32> outShape =
        tf.concat(
            java.util.List.of(
                tf.slice(shape, tf.constant(new int[] {0}), tf.constant(new int[] {1})),
                tf.math.mul(
                    tf.slice(shape, tf.constant(new int[] {1}), tf.constant(new int[] {2})),
                    tf.constant(2)),
                tf.constant(new int[] {out})),
            tf.constant(0));
    Operand<TFloat32> y =
        tf.nn.conv2dBackpropInput(outShape, w, x, java.util.List.of(1L, 2L, 2L, 1L), "VALID");
    return tf.nn.biasAdd(y, b);
  }
}
