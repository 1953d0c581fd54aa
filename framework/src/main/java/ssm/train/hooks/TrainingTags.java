package ssm.train.hooks;

/**
 * The event-file tags of training progress, timing, histograms and images, in one place; the loss
 * tags are {@link ssm.loss.LossTags}, the validation metrics' {@link ssm.eval.MetricTags}. The
 * TensorBoard reference (docs/reference/tensorboard-tags.md) is generated from these three classes.
 */
public final class TrainingTags {
  /** The learning rate of the step (Stage II: its segmentation steps'). */
  public static final String LEARNING_RATE = "train/learning_rate";

  /** Stage II's classification steps' learning rate, where it differs. */
  public static final String CLASSIFICATION_LEARNING_RATE = "train/classification_learning_rate";

  /** 1 during Stage I, 2 during Stage II. */
  public static final String STAGE = "train/stage";

  /** 1 at a step after which the segmentation branch was copied into S's branch (scratch). */
  public static final String BRANCH_COPIED = "train/branch_copied";

  /** Steps per second since the last write. */
  public static final String STEPS_PER_SECOND = "time/steps_per_second";

  /** Wall time of the step in milliseconds. */
  public static final String STEP_MS = "time/step_ms";

  /** Prefix of the weights' histograms, written after each checkpointed epoch. */
  public static final String WEIGHTS_PREFIX = "weights/";

  /** Prefix of the gradients' histograms, at the steps that fetch them. */
  public static final String GRADIENTS_PREFIX = "gradients/";

  /** A validation slice with predicted and ground-truth masks drawn on it. */
  public static final String IMAGE_OVERLAY = "images/overlay";

  private TrainingTags() {}
}
