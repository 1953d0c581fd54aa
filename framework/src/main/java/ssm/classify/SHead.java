package ssm.classify;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import ssm.graph.GraphContext;
import ssm.layers.Linear;
import ssm.settings.ModelSettings.ClassifierSettings;

/**
 * The image classifier S (docs/explanation/model.md#27-image-classifier-s): the R x 5 RoI batch
 * flattened row-major (R * 5 values) -> FC hidden + ReLU -> FC hidden + ReLU -> FC classes logits.
 * With {@code model.classifier.image-features} (not the paper's), the slice's feature map averaged
 * over space, standardised per channel by running statistics ({@link RunningStandardization}), is
 * appended to the flattened batch; with {@code model.classifier.roi-batch = false} (an ablation) S
 * reads it alone.
 */
public final class SHead {
  /** Parameter-name prefix of S. */
  public static final String PREFIX = "s2new.";

  /** The name prefix of the image features' standardisation buffers. */
  public static final String FEATURE_NORM = PREFIX + "feature_norm";

  /**
   * Momentum of the feature mean's running statistics: they average about the last 100
   * classification slices, so they follow the backbone as the segmentation steps move it.
   */
  static final float FEATURE_MOMENTUM = 0.01f;

  private final ClassifierSettings settings;
  private final int featureChannels;

  /**
   * @param featureChannels channels of the feature map S may see ({@code model.fpn.channels})
   */
  public SHead(ClassifierSettings settings, int featureChannels) {
    this.settings = settings;
    this.featureChannels = featureChannels;
  }

  /** Values S's first layer reads: R * 5 of the RoI batch, then the feature channels. */
  public int inputs() {
    return (settings.roiBatch() ? settings.rois() * 5 : 0)
        + (settings.imageFeatures() ? featureChannels : 0);
  }

  /** The feature map [1, h, w, C] averaged over space: [1, C]. */
  public static Operand<TFloat32> featureMean(Ops tf, Operand<TFloat32> features) {
    return tf.math.mean(features, tf.constant(new int[] {1, 2}));
  }

  /**
   * S's last hidden layer and its class logits.
   *
   * @param hidden [1, hidden] the second hidden layer's activations, from which the logits are read
   * @param logits [classes]
   */
  public record Outputs(Operand<TFloat32> hidden, Operand<TFloat32> logits) {}

  /**
   * S under {@code scope}'s sub-scope "s_head".
   *
   * @param roiBatch the ranked RoI batch [R, 5]; read unless {@code model.classifier.roi-batch} is
   *     false
   * @param featureMean the slice's {@link #featureMean} [1, C]; read only with image features
   */
  public Outputs apply(
      GraphContext g, Ops scope, Operand<TFloat32> roiBatch, Operand<TFloat32> featureMean) {
    Ops tf = scope.withSubScope("s_head");
    List<Operand<TFloat32>> parts = new ArrayList<>();
    if (settings.roiBatch()) {
      parts.add(tf.reshape(roiBatch, tf.constant(new int[] {1, settings.rois() * 5})));
    }
    if (settings.imageFeatures()) {
      parts.add(
          new RunningStandardization(FEATURE_NORM, featureChannels, FEATURE_MOMENTUM)
              .apply(g, tf, featureMean));
    }
    Operand<TFloat32> x = parts.size() == 1 ? parts.get(0) : tf.concat(parts, tf.constant(1));
    x = tf.nn.relu(Linear.of(PREFIX + "fc_scores", inputs(), settings.hidden()).apply(g, tf, x));
    Operand<TFloat32> hidden =
        tf.nn.relu(
            Linear.of(PREFIX + "fc_scores_2", settings.hidden(), settings.hidden())
                .apply(g, tf, x));
    Operand<TFloat32> logits =
        Linear.of(PREFIX + "fc_scores_img", settings.hidden(), settings.classes())
            .apply(g, tf, hidden);
    return new Outputs(hidden, tf.reshape(logits, tf.constant(new int[] {-1})));
  }
}
