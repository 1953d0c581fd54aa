package ssm.box;

import java.util.Arrays;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.index.Indices;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Stack;
import org.tensorflow.op.image.CropAndResize;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import ssm.util.Check;

/**
 * torchvision {@code roi_align} with {@code aligned=False}
 * (docs/explanation/model.md#97-roialign-edges), built from CropAndResize.
 *
 * <p>torchvision, per RoI and axis: {@code start = x1 * scale}, {@code roi = max(x2 * scale -
 * start, 1)}, {@code bin = roi / out}; bin p holds s x s samples at {@code start + p * bin + (i +
 * 0.5) * bin / s}, i.e. {@code s * out} evenly spaced points from {@code start + bin / (2s)} to
 * {@code start + roi - bin / (2s)}; each is bilinear, with a sample at {@code y < -1} or {@code y >
 * H} giving 0, a sample in {@code [-1, 0]} clamped to row 0 and one with {@code floor(y) >= H - 1}
 * snapped to row {@code H - 1}; a bin is the plain mean of its samples.
 *
 * <p>Here: the map is padded with one edge-replicated row and column on each side ({@code Hp = H +
 * 2}, padded row {@code i} = row {@code clamp(i - 1, 0, H - 1)}); CropAndResize samples {@code s *
 * out} points per axis from padded coordinate {@code first + 1} to {@code last + 1}, so its points
 * are exactly roi_align's (up to float rounding of the normalised box), with extrapolation value 0;
 * then an s x s average pool. Why this is the same, per axis (bilinear is separable and both
 * methods zero the whole sample when either axis is out):
 *
 * <ul>
 *   <li>{@code y < -1}: padded {@code y + 1 < 0} is outside CropAndResize's {@code [0, Hp - 1]}: 0,
 *       as torchvision.
 *   <li>{@code -1 <= y <= 0}: padded {@code y + 1} lies between padded rows 0 and 1, both copies of
 *       row 0: the value is row 0, as torchvision's clamp to 0.
 *   <li>{@code 0 < y < H - 1}: padded rows {@code floor(y) + 1, floor(y) + 2} are rows {@code
 *       floor(y), floor(y) + 1} with the same fraction: ordinary bilinear, as torchvision.
 *   <li>{@code H - 1 <= y <= H}: padded {@code y + 1} in {@code [H, H + 1]}, between padded rows H
 *       and H + 1, both copies of row H - 1: row H - 1, as torchvision's snap.
 *   <li>{@code y > H}: padded {@code y + 1 > H + 1 = Hp - 1}: 0, as torchvision.
 * </ul>
 *
 * Features are NHWC {@code [1, H, W, C]} (H, W may be dynamic); boxes {@code [N, 4]} {@code x1, y1,
 * x2, y2} in input pixels. Gradients flow to the features only (the boxes are wrapped in
 * StopGradient, as torchvision's roi_align has no box gradient).
 */
public final class RoiAlign {
  private RoiAlign() {}

  /**
   * Pools {@code features [1, H, W, C]} over {@code boxes [N, 4]} into {@code [N, outputSize,
   * outputSize, C]}; N may be 0.
   *
   * @param spatialScale feature cells per input pixel (1/16 for the stride-16 map)
   * @param samplingRatio samples per bin and axis; must be positive (torchvision's adaptive mode,
   *     {@code <= 0}, is not supported). The SSM uses 2.
   */
  public static Operand<TFloat32> align(
      Ops tf,
      Operand<TFloat32> features,
      Operand<TFloat32> boxes,
      float spatialScale,
      int outputSize,
      int samplingRatio) {
    Check.positive("RoIAlign spatial scale", spatialScale);
    Check.positive("RoIAlign output size", outputSize);
    Check.that(
        samplingRatio > 0,
        "RoIAlign sampling ratio %s is not supported: only a fixed positive ratio (the SSM uses 2)",
        samplingRatio);
    if (features.shape().numDimensions() != -1) {
      Check.that(
          features.shape().numDimensions() == 4
              && (features.shape().size(0) == 1 || features.shape().size(0) == -1),
          "RoIAlign: features must be [1, H, W, C], got %s",
          features.shape());
    }
    Ops t = tf.withSubScope("roi_align");
    Operand<TFloat32> padded = padEdges(t, features);
    Operand<TInt32> shape = t.shape(features);
    // Hp - 1 = H + 1 and Wp - 1 = W + 1: CropAndResize maps normalised 0..1 to 0..Hp-1.
    Operand<TFloat32> hSpan =
        t.dtypes.cast(
            t.math.add(t.gather(shape, t.constant(1), t.constant(0)), t.constant(1)),
            TFloat32.class);
    Operand<TFloat32> wSpan =
        t.dtypes.cast(
            t.math.add(t.gather(shape, t.constant(2), t.constant(0)), t.constant(1)),
            TFloat32.class);
    List<Operand<TFloat32>> c = BoxCoder.columns(t, t.stopGradient(boxes));
    Operand<TFloat32>[] ys =
        sampleSpan(t, c.get(1), c.get(3), spatialScale, outputSize, samplingRatio);
    Operand<TFloat32>[] xs =
        sampleSpan(t, c.get(0), c.get(2), spatialScale, outputSize, samplingRatio);
    Operand<TFloat32> one = t.constant(1f);
    Operand<TFloat32> crops =
        t.stack(
            Arrays.asList(
                t.math.div(t.math.add(ys[0], one), hSpan),
                t.math.div(t.math.add(xs[0], one), wSpan),
                t.math.div(t.math.add(ys[1], one), hSpan),
                t.math.div(t.math.add(xs[1], one), wSpan)),
            Stack.axis(1L));
    Operand<TInt32> boxIndices = t.zeros(t.shape(c.get(0)), TInt32.class); // all from image 0
    int crop = outputSize * samplingRatio;
    Operand<TFloat32> samples =
        t.image.cropAndResize(
            padded,
            crops,
            boxIndices,
            t.constant(new int[] {crop, crop}),
            CropAndResize.method("bilinear"),
            CropAndResize.extrapolationValue(0f));
    if (samplingRatio == 1) {
      return samples;
    }
    List<Long> window = List.of(1L, (long) samplingRatio, (long) samplingRatio, 1L);
    return t.nn.avgPool(samples, window, window, "VALID");
  }

  /**
   * The first and last sample coordinate (feature cells) of each RoI along one axis, computed in
   * float32 as torchvision computes the sample positions.
   */
  @SuppressWarnings("unchecked")
  private static Operand<TFloat32>[] sampleSpan(
      Ops t, Operand<TFloat32> lo, Operand<TFloat32> hi, float scale, int out, int s) {
    Operand<TFloat32> start = t.math.mul(lo, t.constant(scale));
    Operand<TFloat32> end = t.math.mul(hi, t.constant(scale));
    Operand<TFloat32> roi = t.math.maximum(t.math.sub(end, start), t.constant(1f));
    Operand<TFloat32> bin = t.math.div(roi, t.constant((float) out));
    // sample (p, i) = start + p * bin + (i + 0.5) * bin / s
    Operand<TFloat32> first =
        t.math.add(start, t.math.div(t.math.mul(t.constant(0.5f), bin), t.constant((float) s)));
    Operand<TFloat32> last =
        t.math.add(
            t.math.add(start, t.math.mul(t.constant((float) (out - 1)), bin)),
            t.math.div(t.math.mul(t.constant(s - 0.5f), bin), t.constant((float) s)));
    return new Operand[] {first, last};
  }

  /** {@code [1, H, W, C]} -> {@code [1, H + 2, W + 2, C]}, edge rows/columns replicated. */
  static Operand<TFloat32> padEdges(Ops t, Operand<TFloat32> f) {
    Operand<TFloat32> rows =
        t.concat(
            Arrays.asList(
                t.stridedSlice(f, Indices.all(), Indices.sliceTo(1)),
                f,
                t.stridedSlice(f, Indices.all(), Indices.sliceFrom(-1))),
            t.constant(1));
    return t.concat(
        Arrays.asList(
            t.stridedSlice(rows, Indices.all(), Indices.all(), Indices.sliceTo(1)),
            rows,
            t.stridedSlice(rows, Indices.all(), Indices.all(), Indices.sliceFrom(-1))),
        t.constant(2));
  }
}
