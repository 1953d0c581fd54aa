package ssm.loss;

/**
 * The event-file tags of the losses (docs/reference/tensorboard.md), in one place: the five terms
 * of Eq. 1, their sum, S's loss (Eq. 2), the sum of both (Eq. 3) and the collection adversary's.
 */
public final class LossTags {
  public static final String RPN_OBJECTNESS = "loss/rpn_objectness";
  public static final String RPN_BOX = "loss/rpn_box";
  public static final String ROI_CLASS = "loss/roi_class";
  public static final String ROI_BOX = "loss/roi_box";
  public static final String MASK = "loss/mask";

  /** Eq. 1, the segmentation step's loss. */
  public static final String SEGMENTATION = "loss/segmentation";

  /** Eq. 2, the classification step's loss (S's). */
  public static final String CLASSIFICATION = "loss/s";

  /**
   * The collection adversary's loss ({@code training.collection-adversary-weight}; not the
   * paper's).
   */
  public static final String COLLECTION_ADVERSARY = "loss/collection_adversary";

  /** Eq. 3, segmentation plus classification. */
  public static final String TOTAL = "loss/total";

  private LossTags() {}
}
