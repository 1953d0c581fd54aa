package ssm.roi;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import ssm.graph.GraphContext;
import ssm.layers.Linear;

/**
 * A RoI branch: TwoMLPHead (flatten -> FC + ReLU -> FC + ReLU) and FastRCNNPredictor (FC -> 2 class
 * logits, FC -> 8 box deltas). The segmentation branch and the classification branch are two
 * instances with different parameter names ({@code box_head} / {@code box_head_s2}, ...). Pooled
 * features [N, S, S, C] are flattened NHWC; fc6's weight is stored permuted to match.
 */
public final class BoxBranch {
  private final String scopeName;
  private final String headPrefix;
  private final String predictorPrefix;
  private final int channels;
  private final int roiSize;
  private final int representation;

  /**
   * @param scopeName the name scope its ops are built under, e.g. {@code segmentation_branch}
   * @param headPrefix e.g. {@code roi_heads.box_head}
   * @param predictorPrefix e.g. {@code roi_heads.box_predictor}
   */
  public BoxBranch(
      String scopeName,
      String headPrefix,
      String predictorPrefix,
      int channels,
      int roiSize,
      int representation) {
    this.scopeName = scopeName;
    this.headPrefix = headPrefix;
    this.predictorPrefix = predictorPrefix;
    this.channels = channels;
    this.roiSize = roiSize;
    this.representation = representation;
  }

  /** The segmentation branch (docs/explanation/model.md#24-segmentation-branch). */
  public static BoxBranch segmentation(int channels, int roiSize, int representation) {
    return new BoxBranch(
        "segmentation_branch",
        "roi_heads.box_head",
        "roi_heads.box_predictor",
        channels,
        roiSize,
        representation);
  }

  /** The second (classification) branch of the two-branch variants. */
  public static BoxBranch classification(int channels, int roiSize, int representation) {
    return new BoxBranch(
        "classification_branch",
        "roi_heads.box_head_s2",
        "roi_heads.box_predictor_s2",
        channels,
        roiSize,
        representation);
  }

  /** Parameter-name prefixes of this branch, for freezing and weight copies. */
  public java.util.List<String> parameterPrefixes() {
    return java.util.List.of(headPrefix + ".", predictorPrefix + ".");
  }

  /**
   * Applies head and predictor to pooled RoI features [N, S, S, C], under {@code scope}'s sub-scope
   * named for this branch.
   */
  public BranchOutputs apply(GraphContext g, Ops scope, Operand<TFloat32> pooled) {
    Ops tf = scope.withSubScope(scopeName);
    int flat = channels * roiSize * roiSize;
    Operand<TFloat32> x = tf.reshape(pooled, tf.constant(new int[] {-1, flat}));
    x = tf.nn.relu(new Linear(headPrefix + ".fc6", flat, representation, channels).apply(g, tf, x));
    x = tf.nn.relu(Linear.of(headPrefix + ".fc7", representation, representation).apply(g, tf, x));
    return new BranchOutputs(
        Linear.of(predictorPrefix + ".cls_score", representation, 2).apply(g, tf, x),
        Linear.of(predictorPrefix + ".bbox_pred", representation, 8).apply(g, tf, x));
  }

  /** Lesion probability softmax(logits)[:, 1], [N]. */
  static Operand<TFloat32> lesionProbability(Ops tf, BranchOutputs out) {
    return tf.gather(tf.nn.softmax(out.classLogits()), tf.constant(1), tf.constant(1));
  }

  /** The lesion class's raw deltas, columns 4..7 of the regression, [N, 4]. */
  static Operand<TFloat32> lesionDeltas(Ops tf, BranchOutputs out) {
    return tf.slice(
        out.boxRegression(), tf.constant(new int[] {0, 4}), tf.constant(new int[] {-1, 4}));
  }
}
