package ssm.loss;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import ssm.roi.BranchOutputs;
import ssm.targets.SampledRois;

/**
 * The segmentation branch's two loss terms (docs/explanation/model.md#51-losses-and-targets,
 * torchvision {@code fastrcnn_loss}): softmax cross-entropy MEAN over the sampled RoIs; smooth-L1
 * (beta 1) of the positives' lesion deltas (regression columns 4..7) against their targets, SUM
 * divided by the number of sampled RoIs. Both 0 with no sampled RoI.
 */
public final class RoiLoss {
  private RoiLoss() {}

  /** Both RoI terms, scalars. */
  public record Terms(Operand<TFloat32> classification, Operand<TFloat32> box) {}

  /**
   * @param outputs the branch applied to the sampled RoIs: logits {@code [S, 2]}, regression {@code
   *     [S, 8]}
   * @param rois the sampled RoIs and their targets, rows in the same order
   */
  public static Terms compute(Ops tf, BranchOutputs outputs, SampledRois rois) {
    Ops t = tf.withSubScope("roi_loss");
    Operand<TInt32> labels = rois.labels();
    Operand<TInt32> count = t.size(labels);
    Operand<TFloat32> classification =
        ElementwiseLosses.sumOver(
            t, ElementwiseLosses.softmaxCrossEntropy(t, outputs.classLogits(), labels, 2), count);
    // torchvision: box_regression[pos, labels[pos]]; one foreground class, so columns 4..7.
    Operand<TFloat32> lesionDeltas =
        t.slice(
            outputs.boxRegression(), t.constant(new int[] {0, 4}), t.constant(new int[] {-1, 4}));
    // Negatives' targets are zeros (finite), so a positive mask replaces the gather.
    Operand<TFloat32> positive =
        t.expandDims(
            t.dtypes.cast(t.math.greater(labels, t.constant(0)), TFloat32.class), t.constant(1));
    Operand<TFloat32> box =
        ElementwiseLosses.sumOver(
            t,
            t.math.mul(
                positive,
                ElementwiseLosses.smoothL1(
                    t, lesionDeltas, t.stopGradient(rois.regressionTargets()))),
            count);
    return new Terms(classification, box);
  }
}
