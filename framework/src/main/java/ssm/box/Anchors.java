package ssm.box;

import java.util.Arrays;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Stack;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import ssm.util.Check;

/**
 * Anchor boxes as torchvision's {@code AnchorGenerator} makes them
 * (docs/explanation/model.md#91-anchors-rounded-half-to-even, #92-anchors-on-cell-corners): cell
 * anchors centred on (0, 0), rounded half-to-even, then shifted to every grid cell's top-left
 * corner. Boxes are {@code [x1, y1, x2, y2]} in input pixels.
 */
public final class Anchors {
  private Anchors() {}

  /**
   * One cell anchor for {@code size} and aspect {@code ratio} (= height / width), in float32
   * exactly as torchvision: {@code hr = sqrt(r)}, {@code wr = 1 / hr}, {@code w = wr * s}, {@code h
   * = hr * s}, anchor = {@code rint([-w, -h, w, h] / 2)} (round half to even).
   *
   * @return {@code [x1, y1, x2, y2]}
   */
  public static float[] base(float size, float ratio) {
    Check.positive("anchor size", size);
    Check.positive("anchor aspect ratio", ratio);
    float hr = (float) Math.sqrt(ratio); // correctly rounded float32 sqrt
    float wr = 1f / hr;
    float w = wr * size;
    float h = hr * size;
    return new float[] {
      (float) Math.rint(-w / 2f), (float) Math.rint(-h / 2f),
      (float) Math.rint(w / 2f), (float) Math.rint(h / 2f)
    };
  }

  /**
   * All cell anchors of one location, ratio-major: anchor {@code a = ratioIndex * sizes.length +
   * sizeIndex} occupies {@code [4a, 4a + 4)}.
   *
   * @return {@code A * 4} floats, A = {@code ratios.length * sizes.length}
   */
  public static float[] cell(int[] sizes, float[] ratios) {
    Check.that(sizes.length > 0 && ratios.length > 0, "anchor sizes and ratios must be non-empty");
    float[] out = new float[sizes.length * ratios.length * 4];
    for (int r = 0; r < ratios.length; r++) {
      for (int s = 0; s < sizes.length; s++) {
        System.arraycopy(base(sizes[s], ratios[r]), 0, out, (r * sizes.length + s) * 4, 4);
      }
    }
    return out;
  }

  /**
   * Anchors of a whole feature map: {@code [H * W * A, 4]}, the anchor of location (y, x) and cell
   * anchor a at row {@code (y * W + x) * A + a}, equal to the cell anchor plus {@code (strideX * x,
   * strideY * y, strideX * x, strideY * y)} (the cell's corner, not its centre). H and W may be
   * dynamic (e.g. from {@code tf.shape} of the feature map); all four operands are int32 scalars.
   */
  public static Operand<TFloat32> grid(
      Ops tf,
      float[] cellAnchors,
      Operand<TInt32> featureHeight,
      Operand<TInt32> featureWidth,
      Operand<TInt32> strideY,
      Operand<TInt32> strideX) {
    Check.that(
        cellAnchors.length > 0 && cellAnchors.length % 4 == 0,
        "cell anchors must be A * 4 floats, got %s",
        cellAnchors.length);
    int a = cellAnchors.length / 4;
    Ops t = tf.withSubScope("anchors");
    // torchvision: arange(0, W, int32) * stride, then added to the float cell anchors.
    Operand<TFloat32> xs =
        t.dtypes.cast(
            t.math.mul(t.range(t.constant(0), featureWidth, t.constant(1)), strideX),
            TFloat32.class);
    Operand<TFloat32> ys =
        t.dtypes.cast(
            t.math.mul(t.range(t.constant(0), featureHeight, t.constant(1)), strideY),
            TFloat32.class);
    // [H, W] grids: x varies along axis 1, y along axis 0.
    Operand<TInt32> hw = t.stack(Arrays.asList(featureHeight, featureWidth));
    Operand<TFloat32> zeros = t.zeros(hw, TFloat32.class);
    Operand<TFloat32> sx = t.math.add(zeros, t.expandDims(xs, t.constant(0)));
    Operand<TFloat32> sy = t.math.add(zeros, t.expandDims(ys, t.constant(1)));
    Operand<TFloat32> shifts = t.stack(Arrays.asList(sx, sy, sx, sy), Stack.axis(2L));
    Operand<TFloat32> shifts4 = t.reshape(shifts, t.constant(new int[] {-1, 1, 4})); // [H*W, 1, 4]
    float[][] cells = new float[a][4];
    for (int i = 0; i < a; i++) {
      System.arraycopy(cellAnchors, 4 * i, cells[i], 0, 4);
    }
    Operand<TFloat32> all = t.math.add(shifts4, t.expandDims(t.constant(cells), t.constant(0)));
    return t.reshape(all, t.constant(new int[] {-1, 4}));
  }
}
