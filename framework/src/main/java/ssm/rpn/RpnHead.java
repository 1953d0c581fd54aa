package ssm.rpn;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import ssm.graph.GraphContext;
import ssm.graph.Init;
import ssm.layers.Conv2d;

/**
 * Region proposal head: a shared 3x3 conv + ReLU, then 1x1 convs for objectness and box deltas.
 * NHWC features [1, H, W, C] -> logits [H*W*A], deltas [H*W*A, 4], location-major as in {@link
 * ssm.box.Anchors#grid}. NHWC flattening gives exactly PyTorch's permute(H, W, A) order.
 */
public final class RpnHead {
  private final int channels;
  private final int anchorsPerLocation;

  public RpnHead(int channels, int anchorsPerLocation) {
    this.channels = channels;
    this.anchorsPerLocation = anchorsPerLocation;
  }

  /** Builds the head on the FPN output, under {@code scope}'s sub-scope "rpn". */
  public RpnOutputs build(GraphContext g, Ops scope, Operand<TFloat32> features) {
    Ops tf = scope.withSubScope("rpn");
    Operand<TFloat32> hidden =
        tf.nn.relu(
            Conv2d.named("rpn.head.conv")
                .channels(channels, channels)
                .kernel(3)
                .padding(1)
                .init(Init.NORMAL_001)
                .build()
                .apply(g, tf, features));
    Operand<TFloat32> logits =
        Conv2d.named("rpn.head.cls_logits")
            .channels(channels, anchorsPerLocation)
            .init(Init.NORMAL_001)
            .build()
            .apply(g, tf, hidden);
    Operand<TFloat32> deltas =
        Conv2d.named("rpn.head.bbox_pred")
            .channels(channels, 4 * anchorsPerLocation)
            .init(Init.NORMAL_001)
            .build()
            .apply(g, tf, hidden);
    return new RpnOutputs(
        tf.reshape(logits, tf.constant(new int[] {-1})),
        tf.reshape(deltas, tf.constant(new int[] {-1, 4})));
  }
}
