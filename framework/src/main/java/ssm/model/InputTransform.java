package ssm.model;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Stack;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import ssm.settings.ModelSettings.InputSettings;

/**
 * GeneralizedRCNNTransform's in-graph part: per-channel {@code (x - mean) / std} on a slice [H, W,
 * 3] with values in [0, 1] (already resized by the data layer), then zero padding of the normalised
 * image at the bottom and right to a multiple of {@code size-divisible}, and a batch dimension: [1,
 * H', W', 3].
 */
public final class InputTransform {
  private final InputSettings settings;

  public InputTransform(InputSettings settings) {
    this.settings = settings;
  }

  /** The normalised, padded batch of one. */
  public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> image) {
    Ops s = tf.withSubScope("input");
    // Subtract, then divide, in float32, as torchvision does.
    Operand<TFloat32> x =
        s.math.div(s.math.sub(image, s.constant(settings.mean())), s.constant(settings.std()));
    Operand<TInt32> hw = heightWidth(s, image);
    Operand<TInt32> d = s.constant(settings.sizeDivisible());
    // padding = ceil(size / d) * d - size
    Operand<TInt32> padded =
        s.math.mul(s.math.floorDiv(s.math.add(hw, s.math.sub(d, s.constant(1))), d), d);
    Operand<TInt32> extra = s.math.sub(padded, hw);
    return s.expandDims(s.pad(x, rowsAndCols(s, extra), s.constant(0f)), s.constant(0));
  }

  /** The height and width [2] of an [H, W, C] image. */
  public static Operand<TInt32> heightWidth(Ops tf, Operand<TFloat32> image) {
    return tf.stridedSlice(
        tf.shape(image),
        tf.constant(new int[] {0}),
        tf.constant(new int[] {2}),
        tf.constant(new int[] {1}));
  }

  /** Paddings [[0, extraH], [0, extraW], [0, 0]] for an [H, W, 3] image. */
  private static Operand<TInt32> rowsAndCols(Ops s, Operand<TInt32> extra) {
    Operand<TInt32> zeros = s.zeros(s.constant(new int[] {2}), TInt32.class);
    Operand<TInt32> hw = s.stack(List.of(zeros, extra), Stack.axis(1L));
    return s.concat(List.of(hw, s.constant(new int[][] {{0, 0}})), s.constant(0));
  }
}
