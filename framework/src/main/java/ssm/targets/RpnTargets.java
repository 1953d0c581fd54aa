package ssm.targets;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import ssm.box.BoxCoder;
import ssm.box.Iou;
import ssm.settings.ModelSettings.RpnSettings;

/**
 * RPN anchor targets of one image, as torchvision's {@code RegionProposalNetwork
 * .assign_targets_to_anchors} followed by its {@code fg_bg_sampler}
 * (docs/explanation/model.md#51-losses-and-targets): IoU of every gt box with every anchor, {@link
 * Matcher} with low-quality matches (IoU >= 0.7 positive, < 0.3 negative, in between ignored), then
 * {@link BalancedSampler} (256 anchors, at most half positive). As torchvision, anchors crossing
 * the image border are NOT discarded. Empty gt: every anchor is negative.
 */
public record RpnTargets(Matcher matcher, BalancedSampler sampler, BoxCoder coder) {

  /** The targets of docs/explanation/model.md#51-losses-and-targets from {@code model.rpn}. */
  public static RpnTargets from(RpnSettings s) {
    return new RpnTargets(
        new Matcher(s.positiveIou(), s.negativeIou(), true),
        new BalancedSampler(s.batchPerImage(), s.positiveFraction()),
        BoxCoder.of(s.boxWeights()));
  }

  /**
   * @param anchors {@code [A, 4]} x1, y1, x2, y2 in input pixels ({@code SsmModel.anchors})
   * @param gtBoxes {@code [G, 4]} in input pixels, G may be 0
   * @param seed {@code [2]} int64 stateless seed of the sampler
   */
  public AnchorTargets build(
      Ops tf, Operand<TFloat32> anchors, Operand<TFloat32> gtBoxes, Operand<TInt64> seed) {
    Ops t = tf.withSubScope("rpn_targets");
    Operand<TInt32> matches = matcher.match(t, Iou.pairwise(t, gtBoxes, anchors));
    // torchvision: labels = (match >= 0); BELOW_LOW -> 0; BETWEEN -> -1.
    Operand<TInt32> labels = labelsOf(t, matches);
    Operand<TFloat32> matchedBoxes = matchedBoxes(t, gtBoxes, matches);
    BalancedSampler.Sample sample = sampler.sample(t, labels, seed);
    return new AnchorTargets(
        labels,
        matches,
        coder.encode(t, matchedBoxes, anchors),
        sample.positive(),
        sample.negative());
  }

  /** Matcher output {@code [N]} -> labels 1 (matched), 0 (below low), -1 (between). */
  static Operand<TInt32> labelsOf(Ops t, Operand<TInt32> matches) {
    Operand<TInt32> ones = t.onesLike(matches);
    return t.select(
        t.math.greaterEqual(matches, t.constant(0)),
        ones,
        t.select(
            t.math.equal(matches, t.constant(Matcher.BELOW_LOW)),
            t.zerosLike(matches),
            t.math.neg(ones)));
  }

  /**
   * {@code gt[max(match, 0)]} as torchvision, except that unmatched rows read a dummy box {@code
   * [0, 0, 1, 1]} so that G = 0 works.
   */
  static Operand<TFloat32> matchedBoxes(Ops t, Operand<TFloat32> gtBoxes, Operand<TInt32> matches) {
    Operand<TFloat32> padded =
        t.concat(List.of(gtBoxes, t.constant(new float[][] {{0, 0, 1, 1}})), t.constant(0));
    Operand<TInt32> dummy = t.gather(t.shape(gtBoxes), t.constant(0), t.constant(0));
    Operand<TInt32> index =
        t.select(
            t.math.greaterEqual(matches, t.constant(0)), matches, t.fill(t.shape(matches), dummy));
    return t.gather(padded, index, t.constant(0));
  }
}
