package ssm.loss;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The one place that weights the loss terms (paper Eq. 1-3; every weight is 1, as in the reference
 * code). Eq. 1, segmentation: RPN objectness + RPN box + RoI class + RoI box + mask. Eq. 2,
 * classification: the BCE of S. Eq. 3: their sum.
 */
public final class Losses {
  public static final float RPN_OBJECTNESS_WEIGHT = 1f;
  public static final float RPN_BOX_WEIGHT = 1f;
  public static final float ROI_CLASS_WEIGHT = 1f;
  public static final float ROI_BOX_WEIGHT = 1f;
  public static final float MASK_WEIGHT = 1f;
  public static final float IMAGE_CLASS_WEIGHT = 1f;

  private Losses() {}

  /** The five terms of Eq. 1, each a scalar. */
  public record SegmentationTerms(
      Operand<TFloat32> rpnObjectness,
      Operand<TFloat32> rpnBox,
      Operand<TFloat32> roiClass,
      Operand<TFloat32> roiBox,
      Operand<TFloat32> mask) {

    public SegmentationTerms(RpnLoss.Terms rpn, RoiLoss.Terms roi, Operand<TFloat32> mask) {
      this(rpn.objectness(), rpn.box(), roi.classification(), roi.box(), mask);
    }

    /** The terms by stable metric tag ({@code loss/rpn_objectness}, ...), in Eq. 1 order. */
    public Map<String, Operand<TFloat32>> byTag() {
      Map<String, Operand<TFloat32>> m = new LinkedHashMap<>();
      m.put(LossTags.RPN_OBJECTNESS, rpnObjectness);
      m.put(LossTags.RPN_BOX, rpnBox);
      m.put(LossTags.ROI_CLASS, roiClass);
      m.put(LossTags.ROI_BOX, roiBox);
      m.put(LossTags.MASK, mask);
      return m;
    }
  }

  /** Eq. 1: the weighted sum of the segmentation terms. */
  public static Operand<TFloat32> segmentation(Ops tf, SegmentationTerms terms) {
    Ops t = tf.withSubScope("loss_eq1");
    Operand<TFloat32> sum = weighted(t, RPN_OBJECTNESS_WEIGHT, terms.rpnObjectness());
    sum = t.math.add(sum, weighted(t, RPN_BOX_WEIGHT, terms.rpnBox()));
    sum = t.math.add(sum, weighted(t, ROI_CLASS_WEIGHT, terms.roiClass()));
    sum = t.math.add(sum, weighted(t, ROI_BOX_WEIGHT, terms.roiBox()));
    return t.math.add(sum, weighted(t, MASK_WEIGHT, terms.mask()));
  }

  /** Eq. 2: the weighted image-classification loss. */
  public static Operand<TFloat32> classification(Ops tf, Operand<TFloat32> imageClassLoss) {
    return weighted(tf.withSubScope("loss_eq2"), IMAGE_CLASS_WEIGHT, imageClassLoss);
  }

  /** Eq. 3: Eq. 1 + Eq. 2. */
  public static Operand<TFloat32> total(
      Ops tf, SegmentationTerms terms, Operand<TFloat32> imageClassLoss) {
    return tf.withSubScope("loss_eq3")
        .math
        .add(segmentation(tf, terms), classification(tf, imageClassLoss));
  }

  private static Operand<TFloat32> weighted(Ops t, float weight, Operand<TFloat32> term) {
    return weight == 1f ? term : t.math.mul(t.constant(weight), term);
  }
}
