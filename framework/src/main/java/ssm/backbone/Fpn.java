package ssm.backbone;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import ssm.graph.GraphContext;
import ssm.graph.Init;
import ssm.layers.Conv2d;

/**
 * The single-level feature pyramid (docs/explanation/model.md#22-backbone-and-fpn): a lateral 1x1
 * conv (C -> 256) and an output 3x3 conv (256 -> 256), both with bias; no top-down path, no extra
 * max-pool level. [1, h, w, C] -> [1, h, w, channels].
 */
public final class Fpn {
  private final int inChannels;
  private final int channels;

  public Fpn(int inChannels, int channels) {
    this.inChannels = inChannels;
    this.channels = channels;
  }

  public int channels() {
    return channels;
  }

  /** Builds the FPN on the backbone's last kept stage, under {@code scope}'s sub-scope "fpn". */
  public Operand<TFloat32> build(GraphContext g, Ops scope, Operand<TFloat32> c) {
    Ops tf = scope.withSubScope("fpn");
    // torchvision >= 0.13 names the convs inner_blocks.0.0 / layer_blocks.0.0.
    Operand<TFloat32> inner =
        Conv2d.named("backbone.fpn.inner_blocks.0.0")
            .channels(inChannels, channels)
            .init(Init.KAIMING_UNIFORM_A1)
            .build()
            .apply(g, tf, c);
    return Conv2d.named("backbone.fpn.layer_blocks.0.0")
        .channels(channels, channels)
        .kernel(3)
        .padding(1)
        .init(Init.KAIMING_UNIFORM_A1)
        .build()
        .apply(g, tf, inner);
  }
}
