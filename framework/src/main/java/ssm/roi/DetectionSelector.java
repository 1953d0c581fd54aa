package ssm.roi;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import ssm.box.BoxCoder;
import ssm.box.Boxes;
import ssm.box.Nms;
import ssm.settings.ModelSettings.RoiSettings;

/**
 * The segmentation branch's post-processing (fixture README 2.9, detection branch): decode the
 * lesion deltas (weights 10, 10, 5, 5), clip, keep probabilities strictly above the score
 * threshold, NMS (label 1, so the coordinate offset applies), at most detections-per-image. The
 * reference applies no minimum-size filter here.
 */
public final class DetectionSelector {
  private final RoiSettings settings;
  private final BoxCoder coder;

  public DetectionSelector(RoiSettings settings) {
    this.settings = settings;
    this.coder = BoxCoder.of(settings.boxWeights());
  }

  /** Detections among {@code proposals} [N, 4] scored by {@code out}. */
  public Detections select(
      Ops tf,
      BranchOutputs out,
      Operand<TFloat32> proposals,
      Operand<TInt32> imageHeight,
      Operand<TInt32> imageWidth) {
    Ops t = tf.withSubScope("detections");
    Operand<TFloat32> scores = t.stopGradient(BoxBranch.lesionProbability(t, out));
    Operand<TFloat32> boxes =
        Boxes.clip(
            t,
            coder.decode(t, t.stopGradient(BoxBranch.lesionDeltas(t, out)), proposals),
            imageHeight,
            imageWidth);
    Operand<TInt32> candidates =
        t.dtypes.cast(
            t.reshape(
                t.where(t.math.greater(scores, t.constant(settings.scoreThreshold()))),
                t.constant(new int[] {-1})),
            TInt32.class);
    Operand<TFloat32> candidateBoxes = t.gather(boxes, candidates, t.constant(0));
    Operand<TFloat32> candidateScores = t.gather(scores, candidates, t.constant(0));
    Operand<TInt32> keep =
        Nms.batched(
            t,
            candidateBoxes,
            candidateScores,
            1,
            settings.nmsIou(),
            settings.detectionsPerImage());
    return new Detections(
        t.gather(candidateBoxes, keep, t.constant(0)),
        t.gather(candidateScores, keep, t.constant(0)),
        t.gather(candidates, keep, t.constant(0)));
  }
}
