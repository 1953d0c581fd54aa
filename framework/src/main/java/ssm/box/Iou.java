package ssm.box;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** Intersection over union of boxes {@code [N, 4]} {@code x1, y1, x2, y2}. */
public final class Iou {
  private Iou() {}

  /**
   * torchvision {@code box_iou}: {@code iou[i][j] = inter / (area(a_i) + area(b_j) - inter)}, with
   * the intersection's width and height clamped at 0. Two zero-area boxes give 0 / 0 = NaN, as in
   * torchvision. Built from subtractions, products, min/max and a division only (no {@code
   * square}), so it is safe inside a differentiated graph.
   *
   * @param a boxes {@code [N, 4]}
   * @param b boxes {@code [M, 4]}
   * @return {@code [N, M]}
   */
  public static Operand<TFloat32> pairwise(Ops tf, Operand<TFloat32> a, Operand<TFloat32> b) {
    Ops t = tf.withSubScope("box_iou");
    List<Operand<TFloat32>> ca = BoxCoder.columns(t, a);
    List<Operand<TFloat32>> cb = BoxCoder.columns(t, b);
    Operand<TFloat32> zero = t.constant(0f);
    // a's columns as [N, 1], b's as [M]: broadcasting gives [N, M].
    Operand<TFloat32> ax1 = t.expandDims(ca.get(0), t.constant(1));
    Operand<TFloat32> ay1 = t.expandDims(ca.get(1), t.constant(1));
    Operand<TFloat32> ax2 = t.expandDims(ca.get(2), t.constant(1));
    Operand<TFloat32> ay2 = t.expandDims(ca.get(3), t.constant(1));
    Operand<TFloat32> iw =
        t.math.maximum(
            t.math.sub(t.math.minimum(ax2, cb.get(2)), t.math.maximum(ax1, cb.get(0))), zero);
    Operand<TFloat32> ih =
        t.math.maximum(
            t.math.sub(t.math.minimum(ay2, cb.get(3)), t.math.maximum(ay1, cb.get(1))), zero);
    Operand<TFloat32> inter = t.math.mul(iw, ih);
    Operand<TFloat32> areaA = t.expandDims(Boxes.area(t, a), t.constant(1));
    Operand<TFloat32> areaB = Boxes.area(t, b);
    return t.math.div(inter, t.math.sub(t.math.add(areaA, areaB), inter));
  }
}
