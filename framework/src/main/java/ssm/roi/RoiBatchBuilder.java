package ssm.roi;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import ssm.box.BoxCoder;
import ssm.box.Boxes;
import ssm.box.Nms;
import ssm.settings.ModelSettings.ClassifierSettings;
import ssm.settings.ModelSettings.RoiSettings;

/**
 * Builds the ranked R x 5 RoI batch from the classification branch's outputs over ALL proposals
 * (docs/explanation/model.md#26-roi-batch): lesion probability and decoded, clipped boxes; boxes
 * with area <= min-area dropped; NMS (label 1: coordinate offset); the first R kept; row =
 * (probability, the RAW lesion deltas as the predictor output them, not decoded); padded to R rows
 * by {@link OrderPreservingPadding}, or R zero rows when nothing survives (the reference crashes
 * there). As in the paper no gradient flows back into the branch, unless {@code
 * model.classifier.roi-gradient}: then the rows' values carry it (the selection, NMS and padding,
 * never does).
 */
public final class RoiBatchBuilder {
  private final ClassifierSettings settings;
  private final BoxCoder coder;

  public RoiBatchBuilder(ClassifierSettings settings, RoiSettings roi) {
    this.settings = settings;
    this.coder = BoxCoder.of(roi.boxWeights());
  }

  /** Rows of the batch; R = model.classifier.rois. */
  public int rows() {
    return settings.rois();
  }

  /**
   * @param permutation a permutation of 0..R-3 for the padding (see {@link
   *     OrderPreservingPadding#randomPermutation})
   */
  public RoiBatch build(
      Ops tf,
      BranchOutputs out,
      Operand<TFloat32> proposals,
      Operand<TInt32> imageHeight,
      Operand<TInt32> imageWidth,
      Operand<TInt32> permutation) {
    Ops t = tf.withSubScope("roi_batch");
    Operand<TFloat32> probability = BoxBranch.lesionProbability(t, out);
    Operand<TFloat32> rawDeltas = BoxBranch.lesionDeltas(t, out);
    // The choice of rows never carries gradient; the rows' values do only with roi-gradient.
    Operand<TFloat32> scores = t.stopGradient(probability);
    Operand<TFloat32> deltas = t.stopGradient(rawDeltas);
    Operand<TFloat32> rowScores = settings.roiGradient() ? probability : scores;
    Operand<TFloat32> rowDeltas = settings.roiGradient() ? rawDeltas : deltas;
    Operand<TFloat32> boxes =
        Boxes.clip(t, coder.decode(t, deltas, proposals), imageHeight, imageWidth);
    Operand<TInt32> large =
        t.dtypes.cast(
            t.reshape(
                t.where(t.math.greater(Boxes.area(t, boxes), t.constant(settings.minArea()))),
                t.constant(new int[] {-1})),
            TInt32.class);
    Operand<TInt32> keep =
        t.gather(
            large,
            Nms.batched(
                t,
                t.gather(boxes, large, t.constant(0)),
                t.gather(scores, large, t.constant(0)),
                1,
                settings.nmsIou(),
                settings.rois()),
            t.constant(0));
    Operand<TFloat32> keptRows =
        t.concat(
            List.of(
                t.expandDims(t.gather(rowScores, keep, t.constant(0)), t.constant(1)),
                t.gather(rowDeltas, keep, t.constant(0))),
            t.constant(1));
    Operand<TInt32> kept = t.size(keep, TInt32.class);
    Operand<TInt32> sources =
        OrderPreservingPadding.rowSources(t, kept, permutation, settings.rois());
    // Row index n (one past the kept rows) is a zero row, used when nothing survives.
    Operand<TFloat32> withZeroRow =
        t.concat(
            List.of(keptRows, t.zeros(t.constant(new int[] {1, 5}), TFloat32.class)),
            t.constant(0));
    Operand<TInt32> keepWithNone =
        t.concat(List.of(keep, t.constant(new int[] {-1})), t.constant(0));
    return new RoiBatch(
        t.gather(withZeroRow, sources, t.constant(0)),
        keep,
        t.gather(boxes, keep, t.constant(0)),
        t.gather(keepWithNone, sources, t.constant(0)));
  }
}
