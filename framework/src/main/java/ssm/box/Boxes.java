package ssm.box;

import java.util.Arrays;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Stack;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TNumber;

/** Elementwise box helpers; boxes are {@code [N, 4]} {@code x1, y1, x2, y2} in input pixels. */
public final class Boxes {
  private Boxes() {}

  /**
   * torchvision {@code clip_boxes_to_image}: x clamped to {@code [0, width]}, y to {@code [0,
   * height]} (W and H, not W - 1). {@code height} and {@code width} are scalars of any numeric
   * type.
   *
   * @return clipped boxes {@code [N, 4]}
   */
  public static Operand<TFloat32> clip(
      Ops tf,
      Operand<TFloat32> boxes,
      Operand<? extends TNumber> height,
      Operand<? extends TNumber> width) {
    Ops t = tf.withSubScope("clip_boxes");
    Operand<TFloat32> h = t.dtypes.cast(height, TFloat32.class);
    Operand<TFloat32> w = t.dtypes.cast(width, TFloat32.class);
    Operand<TFloat32> zero = t.constant(0f);
    List<Operand<TFloat32>> c = BoxCoder.columns(t, boxes);
    return t.stack(
        Arrays.asList(
            t.math.minimum(t.math.maximum(c.get(0), zero), w),
            t.math.minimum(t.math.maximum(c.get(1), zero), h),
            t.math.minimum(t.math.maximum(c.get(2), zero), w),
            t.math.minimum(t.math.maximum(c.get(3), zero), h)),
        Stack.axis(1L));
  }

  /**
   * torchvision {@code box_area}: {@code (x2 - x1) * (y2 - y1)}; zero for degenerate boxes,
   * negative for inverted ones.
   *
   * @return areas {@code [N]}
   */
  public static Operand<TFloat32> area(Ops tf, Operand<TFloat32> boxes) {
    List<Operand<TFloat32>> c = BoxCoder.columns(tf, boxes);
    return tf.math.mul(tf.math.sub(c.get(2), c.get(0)), tf.math.sub(c.get(3), c.get(1)));
  }
}
