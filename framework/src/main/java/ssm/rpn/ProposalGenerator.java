package ssm.rpn;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.TopK;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import ssm.box.BoxCoder;
import ssm.box.Boxes;
import ssm.box.Nms;
import ssm.settings.ModelSettings.RpnSettings;

/**
 * Turns RPN outputs into proposals as the reference does (fixture README 2.6): the pre-NMS top-n
 * anchors by raw logit, decoded (weights 1, 1, 1, 1), clipped to the image, min size 0 (zero-size
 * boxes survive), NMS, the first post-NMS top-n kept.
 */
public final class ProposalGenerator {
  private final RpnSettings settings;
  private final BoxCoder coder;

  public ProposalGenerator(RpnSettings settings) {
    this.settings = settings;
    this.coder = BoxCoder.of(settings.boxWeights());
  }

  /**
   * @param anchors [H*W*A, 4] in the order of {@code rpn}'s outputs
   * @param imageHeight height of the (unpadded) input, for clipping
   */
  public Proposals build(
      Ops tf,
      RpnOutputs rpn,
      Operand<TFloat32> anchors,
      Operand<TInt32> imageHeight,
      Operand<TInt32> imageWidth) {
    Ops t = tf.withSubScope("proposals");
    Operand<TFloat32> logits = t.stopGradient(rpn.objectnessLogits());
    Operand<TFloat32> deltas = t.stopGradient(rpn.anchorDeltas());
    Operand<TInt32> k =
        t.math.minimum(t.constant(settings.preNmsTopN()), t.size(logits, TInt32.class));
    TopK<TFloat32, TInt32> top = t.nn.topK(logits, k, TInt32.class, TopK.sorted(true));
    Operand<TFloat32> boxes =
        coder.decode(
            t, gatherRows(t, deltas, top.indices()), gatherRows(t, anchors, top.indices()));
    boxes = Boxes.clip(t, boxes, imageHeight, imageWidth);
    // One pyramid level: every proposal has label 0, so batched NMS adds no coordinate offset.
    Operand<TInt32> keep =
        Nms.batched(t, boxes, top.values(), 0, settings.nmsIou(), settings.postNmsTopN());
    return new Proposals(
        gatherRows(t, boxes, keep),
        t.gather(top.values(), keep, t.constant(0)),
        t.gather(top.indices(), keep, t.constant(0)));
  }

  static <T extends org.tensorflow.types.family.TType> Operand<T> gatherRows(
      Ops tf, Operand<T> x, Operand<TInt32> rows) {
    return tf.gather(x, rows, tf.constant(0));
  }
}
