package ssm.targets;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import ssm.box.RoiAlign;
import ssm.util.Check;

/**
 * Mask targets of the positive RoIs, as torchvision's {@code project_masks_on_boxes}: each RoI's
 * own gt mask RoIAligned to {@code size x size} at spatial scale 1, {@code aligned=False}. The
 * targets are soft (bilinear averages in [0, 1]), not thresholded, as in torchvision.
 *
 * <p>Approximation: torchvision calls roi_align with the adaptive sampling ratio ({@code
 * ceil(roi_size / 28)} samples per bin and axis, per RoI); {@link RoiAlign} has a fixed ratio, so
 * this uses {@link #samplingRatio} (2). For RoIs up to 56 pixels the two agree exactly; larger RoIs
 * average 2 x 2 instead of more samples per bin, which only smooths the target edges less.
 *
 * <p>Formulation: the G gt masks are the channels of one {@code [1, H, W, G + 1]} map (a zero
 * channel appended so G = 0 works), every positive RoI is aligned over all channels, and a one-hot
 * multiply-sum keeps each RoI's own gt channel.
 */
public record MaskTargets(int size, int samplingRatio) {
  public MaskTargets {
    Check.positive("mask target size", size);
    Check.positive("mask target sampling ratio", samplingRatio);
  }

  /** 28 x 28 targets, sampling ratio 2 (docs/explanation/model.md#51-losses-and-targets). */
  public static MaskTargets standard() {
    return new MaskTargets(28, 2);
  }

  /**
   * @param gtMasks {@code [G, H, W]} float32 in [0, 1], image-sized, G may be 0
   * @param boxes {@code [p, 4]} positive RoIs in input pixels ({@link SampledRois#positiveBoxes})
   * @param matchedGt {@code [p]} int32 each RoI's gt index ({@link SampledRois#positiveMatchedGt})
   * @return {@code [p, size, size]} targets
   */
  public Operand<TFloat32> build(
      Ops tf, Operand<TFloat32> gtMasks, Operand<TFloat32> boxes, Operand<TInt32> matchedGt) {
    Ops t = tf.withSubScope("mask_targets");
    Operand<TFloat32> masks = t.stopGradient(gtMasks);
    Operand<TFloat32> zero =
        t.zeros(
            t.concat(
                List.of(
                    t.constant(new int[] {1}),
                    t.slice(t.shape(masks), t.constant(new int[] {1}), t.constant(new int[] {2}))),
                t.constant(0)),
            TFloat32.class);
    Operand<TFloat32> channels = t.concat(List.of(masks, zero), t.constant(0)); // [G + 1, H, W]
    Operand<TFloat32> map =
        t.expandDims(t.linalg.transpose(channels, t.constant(new int[] {1, 2, 0})), t.constant(0));
    Operand<TFloat32> aligned = RoiAlign.align(t, map, boxes, 1f, size, samplingRatio);
    Operand<TInt32> depth = t.gather(t.shape(channels), t.constant(0), t.constant(0));
    Operand<TFloat32> own = t.oneHot(matchedGt, depth, t.constant(1f), t.constant(0f));
    Operand<TFloat32> select =
        t.reshape(own, t.stack(List.of(t.constant(-1), t.constant(1), t.constant(1), depth)));
    return t.sum(t.math.mul(aligned, select), t.constant(3));
  }
}
