package ssm.classify;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import ssm.graph.GraphContext;
import ssm.layers.Linear;
import ssm.settings.ModelSettings.ClassifierSettings;

/**
 * The image classifier S (docs/model.md#27-image-classifier-s): the R x 5 RoI batch flattened
 * row-major (R * 5 values) -> FC hidden + ReLU -> FC hidden + ReLU -> FC classes logits.
 */
public final class SHead {
  /** Parameter-name prefix of S. */
  public static final String PREFIX = "s2new.";

  private final ClassifierSettings settings;

  public SHead(ClassifierSettings settings) {
    this.settings = settings;
  }

  /** Class logits [classes] for a batch [R, 5], under {@code scope}'s sub-scope "s_head". */
  public Operand<TFloat32> logits(GraphContext g, Ops scope, Operand<TFloat32> roiBatch) {
    Ops tf = scope.withSubScope("s_head");
    int in = settings.rois() * 5;
    Operand<TFloat32> x = tf.reshape(roiBatch, tf.constant(new int[] {1, in}));
    x = tf.nn.relu(Linear.of(PREFIX + "fc_scores", in, settings.hidden()).apply(g, tf, x));
    x =
        tf.nn.relu(
            Linear.of(PREFIX + "fc_scores_2", settings.hidden(), settings.hidden())
                .apply(g, tf, x));
    x = Linear.of(PREFIX + "fc_scores_img", settings.hidden(), settings.classes()).apply(g, tf, x);
    return tf.reshape(x, tf.constant(new int[] {-1}));
  }
}
