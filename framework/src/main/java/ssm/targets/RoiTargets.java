package ssm.targets;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import ssm.box.BoxCoder;
import ssm.box.Iou;
import ssm.settings.ModelSettings.RoiSettings;

/**
 * Box-branch training targets of one image, as torchvision's {@code RoIHeads
 * .select_training_samples} (docs/explanation/model.md#51-losses-and-targets): the gt boxes are
 * appended to the proposals ({@code add_gt_proposals}), each candidate is matched with {@link
 * Matcher}(0.5, 0.5, no low-quality matches): IoU >= 0.5 lesion, else background; then {@link
 * BalancedSampler} (512, at most 25% positive). One foreground class: every matched RoI is labelled
 * 1. Empty gt: all background.
 */
public record RoiTargets(Matcher matcher, BalancedSampler sampler, BoxCoder coder) {

  /** The targets of docs/explanation/model.md#51-losses-and-targets from {@code model.roi}. */
  public static RoiTargets from(RoiSettings s) {
    return new RoiTargets(
        new Matcher(s.positiveIou(), s.positiveIou(), false),
        new BalancedSampler(s.batchPerImage(), s.positiveFraction()),
        BoxCoder.of(s.boxWeights()));
  }

  /**
   * @param proposals {@code [P, 4]} RPN proposals in input pixels; wrapped in StopGradient
   * @param gtBoxes {@code [G, 4]}, G may be 0
   * @param seed {@code [2]} int64 stateless seed of the sampler
   */
  public SampledRois build(
      Ops tf, Operand<TFloat32> proposals, Operand<TFloat32> gtBoxes, Operand<TInt64> seed) {
    Ops t = tf.withSubScope("roi_targets");
    Operand<TFloat32> candidates =
        t.concat(List.of(t.stopGradient(proposals), gtBoxes), t.constant(0));
    Operand<TInt32> matches = matcher.match(t, Iou.pairwise(t, gtBoxes, candidates));
    BalancedSampler.Sample sample = sampler.sample(t, RpnTargets.labelsOf(t, matches), seed);
    Operand<TInt32> positive = sample.positive();
    Operand<TInt32> negative = sample.negative();
    Operand<TInt32> sampled = t.concat(List.of(positive, negative), t.constant(0));

    Operand<TFloat32> positiveBoxes = t.gather(candidates, positive, t.constant(0));
    Operand<TInt32> positiveGt = t.gather(matches, positive, t.constant(0));
    Operand<TFloat32> positiveTargets =
        coder.encode(t, t.gather(gtBoxes, positiveGt, t.constant(0)), positiveBoxes);
    Operand<TInt32> numNeg = t.size(negative);
    Operand<TFloat32> negativeTargets =
        t.zeros(t.stack(List.of(numNeg, t.constant(4))), TFloat32.class);
    return new SampledRois(
        t.gather(candidates, sampled, t.constant(0)),
        t.concat(List.of(t.onesLike(positive), t.zerosLike(negative)), t.constant(0)),
        t.concat(List.of(positiveTargets, negativeTargets), t.constant(0)),
        t.concat(
            List.of(
                positiveGt, t.fill(t.reshape(numNeg, t.constant(new int[] {1})), t.constant(-1))),
            t.constant(0)),
        t.size(positive));
  }
}
