package ssm.train;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import ssm.model.InputTransform;
import ssm.settings.TrainingSettings;

/**
 * What a classification training step does to its slice [H, W, 3] (values in [0, 1]), in the graph,
 * with draws from the step's stateless seed (so resume stays exact); validation and prediction see
 * the slice as it is. Not the paper's; each is a setting, off by default:
 *
 * <ul>
 *   <li>{@code training.classification-zoom}: a window of {@value #MIN_ZOOM_SCALE}-1 of each side
 *       (one scale for both) at a random place, resized back to H x W (bilinear);
 *   <li>{@code training.classification-flip}: a left-right mirror with probability 1/2;
 *   <li>{@code training.classification-jitter}: values v become {@code clip((v^gamma - 0.5) *
 *       contrast + 0.5 + brightness, 0, 1)}, gamma and contrast log-uniform in [1 / {@value
 *       #MAX_GAMMA}, {@value #MAX_GAMMA}] and [1 / {@value #MAX_CONTRAST}, {@value #MAX_CONTRAST}],
 *       brightness uniform in [-{@value #MAX_BRIGHTNESS}, {@value #MAX_BRIGHTNESS}].
 * </ul>
 *
 * <p>Why zoom and jitter: the collections differ in their framing (whole slices with the air around
 * the body, crops of figures from papers) and their grey levels (CT windows, exports), and S
 * learned to tell a collection by its look (docs/log/README.md, finding 20).
 */
final class ClassificationAugmentation {
  static final double MIN_ZOOM_SCALE = 0.7;
  static final double MAX_GAMMA = 1.5;
  static final double MAX_CONTRAST = 1.5;
  static final double MAX_BRIGHTNESS = 0.1;

  /** Added to the step's seed so that each augmentation draws apart from the flip's coin. */
  private static final long ZOOM_SEED = 0xC2B2AE3D27D4EB4FL;

  private static final long JITTER_SEED = 0x9E3779B97F4A7C15L;

  private ClassificationAugmentation() {}

  /** The slice as a step sees it under {@code settings}: zoomed, mirrored, jittered. */
  static Operand<TFloat32> apply(
      Ops tf,
      TrainingSettings settings,
      Operand<TFloat32> image,
      Operand<TBool> trainingStep,
      Operand<TInt64> seed) {
    Operand<TFloat32> x = image;
    if (settings.classificationZoom()) {
      x = tf.select(trainingStep, zoomed(tf, x, zoomWindow(tf, seed)), x);
    }
    if (settings.classificationFlip()) {
      Operand<TBool> heads = tf.math.less(uniforms(tf, seed, 0), tf.constant(0.5f));
      Operand<TBool> flip = tf.math.logicalAnd(trainingStep, heads);
      x = tf.select(flip, tf.reverse(x, tf.constant(new int[] {1})), x);
    }
    if (settings.classificationJitter()) {
      Operand<TFloat32> d = jitterDraws(tf, seed);
      x = tf.select(trainingStep, jittered(tf, x, at(tf, d, 0), at(tf, d, 1), at(tf, d, 2)), x);
    }
    return x;
  }

  /**
   * The step's zoom window [4]: top, left, bottom, right as fractions of the slice's height and
   * width, drawn from {@code seed} [2].
   */
  static Operand<TFloat32> zoomWindow(Ops tf, Operand<TInt64> seed) {
    Operand<TFloat32> u = uniforms(tf, seed, ZOOM_SEED, 3);
    Operand<TFloat32> scale =
        tf.math.add(
            tf.constant((float) MIN_ZOOM_SCALE),
            tf.math.mul(tf.constant((float) (1 - MIN_ZOOM_SCALE)), at(tf, u, 0)));
    Operand<TFloat32> room = tf.math.sub(tf.constant(1f), scale);
    Operand<TFloat32> top = tf.math.mul(room, at(tf, u, 1));
    Operand<TFloat32> left = tf.math.mul(room, at(tf, u, 2));
    return tf.stack(List.of(top, left, tf.math.add(top, scale), tf.math.add(left, scale)));
  }

  /** {@code image} [H, W, 3] cut to {@code window} [4] and resized back to H x W (bilinear). */
  static Operand<TFloat32> zoomed(Ops tf, Operand<TFloat32> image, Operand<TFloat32> window) {
    Operand<TFloat32> crop =
        tf.image.cropAndResize(
            tf.expandDims(image, tf.constant(0)),
            tf.expandDims(window, tf.constant(0)),
            tf.constant(new int[] {0}),
            InputTransform.heightWidth(tf, image));
    return tf.squeeze(crop, Squeeze.axis(0L));
  }

  /** The step's gamma, contrast and brightness [3], drawn from {@code seed} [2]. */
  static Operand<TFloat32> jitterDraws(Ops tf, Operand<TInt64> seed) {
    // u in [-1, 1): gamma's and contrast's exponents of their bounds, the brightness's fraction.
    Operand<TFloat32> u =
        tf.math.sub(
            tf.math.mul(uniforms(tf, seed, JITTER_SEED, 3), tf.constant(2f)), tf.constant(1f));
    Operand<TFloat32> bases =
        tf.constant(new float[] {(float) MAX_GAMMA, (float) MAX_CONTRAST, 1f});
    Operand<TFloat32> brightness = tf.math.mul(u, tf.constant((float) MAX_BRIGHTNESS));
    return tf.select(
        tf.constant(new boolean[] {true, true, false}), tf.math.pow(bases, u), brightness);
  }

  /** {@code clip((image^gamma - 0.5) * contrast + 0.5 + brightness, 0, 1)}, scalars. */
  static Operand<TFloat32> jittered(
      Ops tf,
      Operand<TFloat32> image,
      Operand<TFloat32> gamma,
      Operand<TFloat32> contrast,
      Operand<TFloat32> brightness) {
    Operand<TFloat32> half = tf.constant(0.5f);
    Operand<TFloat32> v =
        tf.math.add(
            tf.math.add(tf.math.mul(tf.math.sub(tf.math.pow(image, gamma), half), contrast), half),
            brightness);
    return tf.clipByValue(v, tf.constant(0f), tf.constant(1f));
  }

  /** Uniforms in [0, 1) of {@code shape} from {@code seed} + [offset, 0]. */
  private static Operand<TFloat32> uniforms(
      Ops tf, Operand<TInt64> seed, long offset, int... shape) {
    Operand<TInt64> own =
        offset == 0 ? seed : tf.math.add(seed, tf.constant(new long[] {offset, 0}));
    return tf.random.statelessRandomUniform(tf.constant(shape), own, TFloat32.class);
  }

  private static Operand<TFloat32> at(Ops tf, Operand<TFloat32> v, int i) {
    return tf.reshape(
        tf.slice(v, tf.constant(new int[] {i}), tf.constant(new int[] {1})), scalar(tf));
  }

  private static Operand<TInt32> scalar(Ops tf) {
    return tf.constant(new int[0]);
  }
}
