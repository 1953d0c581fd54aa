package ssm.backbone;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import ssm.graph.GraphContext;
import ssm.graph.Init;
import ssm.layers.BatchNorm;
import ssm.layers.BatchNormMode;
import ssm.layers.Conv2d;
import ssm.settings.ModelSettings;

/**
 * A torchvision ResNet18/34 body cut after {@code blocks} stages
 * (docs/explanation/model.md#22-backbone-and-fpn): conv1 7x7/2 + BN + ReLU + max-pool 3x3/2, then
 * layer1..layer{blocks} of basic blocks. NHWC: [1, H, W, 3] -> [1, H/s, W/s, C] with (s, C) = (8,
 * 128) for 2 stages and (16, 256) for 3.
 */
public final class TruncatedResNet {
  private static final String PREFIX = "backbone.body.";

  /** torchvision's ResNet initialises every convolution this way. */
  private static final Init BODY_INIT = Init.KAIMING_NORMAL_FAN_OUT;

  private final int[] blocksPerStage;
  private final int stages;
  private final float batchNormMomentum;

  /**
   * @param depth 18 ([2, 2, 2, 2] basic blocks) or 34 ([3, 4, 6, 3])
   * @param stages stages kept, 2 or 3
   */
  public TruncatedResNet(int depth, int stages) {
    this(depth, stages, BatchNorm.PYTORCH_MOMENTUM);
  }

  /** The body of {@code model.backbone}. */
  public static TruncatedResNet of(ModelSettings.BackboneSettings s) {
    return new TruncatedResNet(s.depth(), s.blocks(), (float) s.batchNormMomentum());
  }

  /**
   * @param batchNormMomentum momentum of every BatchNorm's running statistics
   */
  public TruncatedResNet(int depth, int stages, float batchNormMomentum) {
    this.blocksPerStage =
        switch (depth) {
          case 18 -> new int[] {2, 2, 2, 2};
          case 34 -> new int[] {3, 4, 6, 3};
          default ->
              throw new IllegalArgumentException("ResNet depth " + depth + " is not 18 or 34");
        };
    if (stages < 1 || stages > 4) {
      throw new IllegalArgumentException("ResNet stages kept = " + stages + " is not in 1..4");
    }
    this.stages = stages;
    this.batchNormMomentum = batchNormMomentum;
  }

  /** Channels of the last kept stage. */
  public int outChannels() {
    return 64 << (stages - 1);
  }

  /** Total stride of the last kept stage. */
  public int stride() {
    return 4 << (stages - 1);
  }

  /** Builds the body on {@code image} [1, H, W, 3], under {@code scope}'s sub-scope "backbone". */
  public Operand<TFloat32> build(
      GraphContext g, Ops scope, Operand<TFloat32> image, BatchNormMode mode) {
    Ops tf = scope.withSubScope("backbone");
    Operand<TFloat32> x =
        Conv2d.named(PREFIX + "conv1")
            .channels(3, 64)
            .kernel(7)
            .stride(2)
            .padding(3)
            .init(BODY_INIT)
            .noBias()
            .build()
            .apply(g, tf, image);
    x = tf.nn.relu(new BatchNorm(PREFIX + "bn1", 64, batchNormMomentum).apply(g, tf, x, mode));
    // Max-pool 3x3/2 pad 1: PyTorch pads with -inf; after ReLU all values are >= 0, so zero
    // padding selects the same maxima.
    x =
        tf.nn.maxPool(
            zeroPad1(tf, x),
            tf.constant(new int[] {1, 3, 3, 1}),
            tf.constant(new int[] {1, 2, 2, 1}),
            "VALID");
    int in = 64;
    for (int stage = 0; stage < stages; stage++) {
      int out = 64 << stage;
      for (int block = 0; block < blocksPerStage[stage]; block++) {
        int stride = (stage > 0 && block == 0) ? 2 : 1;
        String name = PREFIX + "layer" + (stage + 1) + "." + block;
        x = basicBlock(g, tf.withSubScope("layer" + (stage + 1)), name, x, in, out, stride, mode);
        in = out;
      }
    }
    return x;
  }

  /** conv3x3(s) - BN - ReLU - conv3x3 - BN, plus identity or 1x1(s)+BN downsample, then ReLU. */
  private Operand<TFloat32> basicBlock(
      GraphContext g,
      Ops tf,
      String name,
      Operand<TFloat32> x,
      int in,
      int out,
      int stride,
      BatchNormMode mode) {
    Operand<TFloat32> y =
        Conv2d.named(name + ".conv1")
            .channels(in, out)
            .kernel(3)
            .stride(stride)
            .padding(1)
            .init(BODY_INIT)
            .noBias()
            .build()
            .apply(g, tf, x);
    y = tf.nn.relu(new BatchNorm(name + ".bn1", out, batchNormMomentum).apply(g, tf, y, mode));
    y =
        Conv2d.named(name + ".conv2")
            .channels(out, out)
            .kernel(3)
            .padding(1)
            .init(BODY_INIT)
            .noBias()
            .build()
            .apply(g, tf, y);
    y = new BatchNorm(name + ".bn2", out, batchNormMomentum).apply(g, tf, y, mode);
    Operand<TFloat32> identity = x;
    if (stride != 1 || in != out) {
      identity =
          Conv2d.named(name + ".downsample.0")
              .channels(in, out)
              .stride(stride)
              .init(BODY_INIT)
              .noBias()
              .build()
              .apply(g, tf, x);
      identity =
          new BatchNorm(name + ".downsample.1", out, batchNormMomentum)
              .apply(g, tf, identity, mode);
    }
    return tf.nn.relu(tf.math.add(y, identity));
  }

  private static Operand<TFloat32> zeroPad1(Ops tf, Operand<TFloat32> x) {
    return tf.pad(x, tf.constant(new int[][] {{0, 0}, {1, 1}, {1, 1}, {0, 0}}), tf.constant(0f));
  }

  /** Blocks per stage of this depth (all four stages). */
  public List<Integer> blocksPerStage() {
    return java.util.Arrays.stream(blocksPerStage).boxed().toList();
  }
}
