package ssm.box;

import java.util.Arrays;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Stack;
import org.tensorflow.op.core.Unstack;
import org.tensorflow.types.TFloat32;
import ssm.util.Check;

/**
 * torchvision's {@code BoxCoder}: box deltas {@code [dx, dy, dw, dh]} relative to reference boxes
 * (anchors or proposals), scaled by the weights {@code (wx, wy, ww, wh)}. Widths are {@code x2 -
 * x1} (no +1); centres are {@code x1 + 0.5 w}. The RPN uses weights (1, 1, 1, 1), both RoI branches
 * (10, 10, 5, 5). All boxes are {@code [N, 4]} {@code x1, y1, x2, y2} in input pixels.
 *
 * @param dwClamp the upper clamp of {@code dw, dh} after dividing by the weights ({@code log(1000 /
 *     16)} in torchvision)
 */
public record BoxCoder(float wx, float wy, float ww, float wh, float dwClamp) {
  /** torchvision's {@code bbox_xform_clip = log(1000 / 16)}, as float32. */
  public static final float DEFAULT_CLAMP = (float) Math.log(1000.0 / 16);

  public BoxCoder {
    Check.positive("box coder weight wx", wx);
    Check.positive("box coder weight wy", wy);
    Check.positive("box coder weight ww", ww);
    Check.positive("box coder weight wh", wh);
  }

  /** A coder with the settings' weights {@code [wx, wy, ww, wh]} and the default clamp. */
  public static BoxCoder of(float[] weights) {
    Check.that(weights.length == 4, "box coder weights must be 4 values, got %s", weights.length);
    return new BoxCoder(weights[0], weights[1], weights[2], weights[3]);
  }

  /** A coder with the default clamp {@code log(1000 / 16)}. */
  public BoxCoder(float wx, float wy, float ww, float wh) {
    this(wx, wy, ww, wh, DEFAULT_CLAMP);
  }

  /**
   * Applies {@code deltas [N, 4]} to {@code reference [N, 4]} boxes
   * (docs/explanation/model.md#96-box-coding): {@code dx = t0 / wx}, {@code dw = min(t2 / ww,
   * clamp)} (from above only), {@code pcx = dx * w + cx}, {@code pw = exp(dw) * w}, box = {@code
   * (pcx - 0.5 pw, pcy - 0.5 ph, pcx + 0.5 pw, pcy + 0.5 ph)}. Not clipped.
   *
   * @return decoded boxes {@code [N, 4]}
   */
  public Operand<TFloat32> decode(Ops tf, Operand<TFloat32> deltas, Operand<TFloat32> reference) {
    Ops t = tf.withSubScope("box_decode");
    List<Operand<TFloat32>> r = columns(t, reference);
    List<Operand<TFloat32>> d = columns(t, deltas);
    Operand<TFloat32> w = t.math.sub(r.get(2), r.get(0));
    Operand<TFloat32> h = t.math.sub(r.get(3), r.get(1));
    Operand<TFloat32> half = t.constant(0.5f);
    Operand<TFloat32> cx = t.math.add(r.get(0), t.math.mul(half, w));
    Operand<TFloat32> cy = t.math.add(r.get(1), t.math.mul(half, h));
    Operand<TFloat32> dx = t.math.div(d.get(0), t.constant(wx));
    Operand<TFloat32> dy = t.math.div(d.get(1), t.constant(wy));
    Operand<TFloat32> clamp = t.constant(dwClamp);
    Operand<TFloat32> dw = t.math.minimum(t.math.div(d.get(2), t.constant(ww)), clamp);
    Operand<TFloat32> dh = t.math.minimum(t.math.div(d.get(3), t.constant(wh)), clamp);
    Operand<TFloat32> pcx = t.math.add(t.math.mul(dx, w), cx);
    Operand<TFloat32> pcy = t.math.add(t.math.mul(dy, h), cy);
    Operand<TFloat32> halfW = t.math.mul(half, t.math.mul(t.math.exp(dw), w));
    Operand<TFloat32> halfH = t.math.mul(half, t.math.mul(t.math.exp(dh), h));
    return t.stack(
        Arrays.asList(
            t.math.sub(pcx, halfW), t.math.sub(pcy, halfH),
            t.math.add(pcx, halfW), t.math.add(pcy, halfH)),
        Stack.axis(1L));
  }

  /**
   * The deltas that take {@code reference [N, 4]} to {@code targets [N, 4]} (torchvision {@code
   * encode_boxes}): {@code dx = wx * (tcx - rcx) / rw}, {@code dw = ww * log(tw / rw)}, likewise
   * for y and h. Unclamped; the inverse of {@link #decode} while {@code dw <= clamp}.
   *
   * @return deltas {@code [N, 4]}
   */
  public Operand<TFloat32> encode(Ops tf, Operand<TFloat32> targets, Operand<TFloat32> reference) {
    Ops t = tf.withSubScope("box_encode");
    List<Operand<TFloat32>> r = columns(t, reference);
    List<Operand<TFloat32>> g = columns(t, targets);
    Operand<TFloat32> half = t.constant(0.5f);
    Operand<TFloat32> rw = t.math.sub(r.get(2), r.get(0));
    Operand<TFloat32> rh = t.math.sub(r.get(3), r.get(1));
    Operand<TFloat32> rcx = t.math.add(r.get(0), t.math.mul(half, rw));
    Operand<TFloat32> rcy = t.math.add(r.get(1), t.math.mul(half, rh));
    Operand<TFloat32> gw = t.math.sub(g.get(2), g.get(0));
    Operand<TFloat32> gh = t.math.sub(g.get(3), g.get(1));
    Operand<TFloat32> gcx = t.math.add(g.get(0), t.math.mul(half, gw));
    Operand<TFloat32> gcy = t.math.add(g.get(1), t.math.mul(half, gh));
    Operand<TFloat32> dx = t.math.div(t.math.mul(t.constant(wx), t.math.sub(gcx, rcx)), rw);
    Operand<TFloat32> dy = t.math.div(t.math.mul(t.constant(wy), t.math.sub(gcy, rcy)), rh);
    Operand<TFloat32> dw = t.math.mul(t.constant(ww), t.math.log(t.math.div(gw, rw)));
    Operand<TFloat32> dh = t.math.mul(t.constant(wh), t.math.log(t.math.div(gh, rh)));
    return t.stack(Arrays.asList(dx, dy, dw, dh), Stack.axis(1L));
  }

  /** The four columns of an {@code [N, 4]} tensor, each {@code [N]}. */
  static List<Operand<TFloat32>> columns(Ops tf, Operand<TFloat32> boxes) {
    return new java.util.ArrayList<>(tf.unstack(boxes, 4L, Unstack.axis(1L)).output());
  }
}
