package ssm.settings;

import com.typesafe.config.Config;
import ssm.util.Check;

/**
 * The Stage II training protocol and its bookkeeping, HOCON section {@code training}
 * (docs/explanation/model.md#4-variants-and-regimes, #5-training). Every key is required; defaults
 * live in configs/base.conf.
 *
 * @param regime how the classification branch relates to the segmentation branch
 * @param updateRule what the classification step updates
 * @param stage1Epochs epochs of Stage I segmentation pretraining (0 or more; scratch has none)
 * @param epochs Stage II epochs, each one pass over the classification training images (0: a Stage
 *     I-only run)
 * @param learningRate Adam's base learning rate in Stage II, positive
 * @param stage1LearningRate Adam's base learning rate in Stage I, positive (base.conf: the same as
 *     {@code learning-rate})
 * @param classificationLearningRate Adam's base learning rate of Stage II's classification steps,
 *     positive (base.conf: the same as {@code learning-rate}, which then serves the segmentation
 *     steps alone when the two differ)
 * @param lrSchedule how the learning rate moves within each stage (warm-up, decay)
 * @param weightDecay L2 weight added to the gradient (PyTorch Adam semantics), 0 or more
 * @param classificationFlip mirror each classification training slice left-right with probability
 *     1/2, drawn from the step's seed (not the paper's)
 * @param classificationJitter give each classification training slice a random gamma, contrast and
 *     brightness, drawn from the step's seed (not the paper's)
 * @param classificationZoom cut each classification training slice to a random window of 0.7-1 of
 *     each side, resized back, drawn from the step's seed (not the paper's; both: {@code
 *     ssm.train.ClassificationAugmentation})
 * @param pseudoLabelCollection the collection ({@code ssm.data.SliceCollection}) of the
 *     segmentation training slices whose masks are machine-made; empty: none
 * @param pseudoLabelWeight the weight of those slices' segmentation loss, in (0, 1] (1: every
 *     segmentation slice counts alike; not the paper's below 1)
 * @param collectionAdversaryWeight 0 or more; above 0 (not the paper's), each classification step
 *     also trains a collection adversary that tells the slice's collection from S's last hidden
 *     layer and its class, and S learns against it at this weight ({@code
 *     ssm.train.CollectionAdversary})
 * @param seed seed of shuffling, segmentation-image draws and initialisation
 * @param checkpointEveryEpochs a checkpoint is written after every this many epochs, positive
 * @param keepCheckpoints most recent checkpoints kept on disk, positive
 * @param averageLastEpochs the run's final weights are the element-wise mean of the checkpoints of
 *     its last this many epochs (1: the last epoch's, the paper's); more than 1 needs a checkpoint
 *     after every epoch and at least as many kept (not the paper's)
 */
public record TrainingSettings(
    Regime regime,
    UpdateRule updateRule,
    int stage1Epochs,
    int epochs,
    double learningRate,
    double stage1LearningRate,
    double classificationLearningRate,
    LrSchedule lrSchedule,
    double weightDecay,
    boolean classificationFlip,
    boolean classificationJitter,
    boolean classificationZoom,
    String pseudoLabelCollection,
    double pseudoLabelWeight,
    double collectionAdversaryWeight,
    long seed,
    int checkpointEveryEpochs,
    int keepCheckpoints,
    int averageLastEpochs) {

  public TrainingSettings {
    Check.that(regime != null, "training.regime is missing");
    Check.that(updateRule != null, "training.update-rule is missing");
    Check.that(stage1Epochs >= 0, "training.stage1-epochs = %s must be >= 0", stage1Epochs);
    Check.that(epochs >= 0, "training.epochs = %s must be >= 0 (0: Stage I only)", epochs);
    Check.positive("training.learning-rate", learningRate);
    Check.positive("training.stage1-learning-rate", stage1LearningRate);
    Check.positive("training.classification-learning-rate", classificationLearningRate);
    Check.that(lrSchedule != null, "training.lr-schedule is missing");
    Check.that(weightDecay >= 0, "training.weight-decay = %s must be >= 0", weightDecay);
    Check.that(pseudoLabelCollection != null, "training.pseudo-label-collection is missing");
    Check.that(
        pseudoLabelWeight > 0 && pseudoLabelWeight <= 1,
        "training.pseudo-label-weight = %s must be in (0, 1]",
        pseudoLabelWeight);
    Check.that(
        collectionAdversaryWeight >= 0,
        "training.collection-adversary-weight = %s must be >= 0 (0: no adversary)",
        collectionAdversaryWeight);
    Check.positive("training.checkpoint-every-epochs", checkpointEveryEpochs);
    Check.positive("training.keep-checkpoints", keepCheckpoints);
    Check.positive("training.average-last-epochs", averageLastEpochs);
    Check.that(
        averageLastEpochs == 1 || checkpointEveryEpochs == 1,
        "training.average-last-epochs = %s needs a checkpoint after every epoch"
            + " (training.checkpoint-every-epochs = %s)",
        averageLastEpochs,
        checkpointEveryEpochs);
    Check.that(
        averageLastEpochs <= keepCheckpoints,
        "training.average-last-epochs = %s needs as many checkpoints kept"
            + " (training.keep-checkpoints = %s)",
        averageLastEpochs,
        keepCheckpoints);
  }

  /**
   * The settings with one constant learning rate for both stages and both kinds of step (no
   * warm-up, no decay), no classification flips, jitter or zoom and the last epoch's weights as the
   * final ones.
   */
  public TrainingSettings(
      Regime regime,
      UpdateRule updateRule,
      int stage1Epochs,
      int epochs,
      double learningRate,
      double weightDecay,
      long seed,
      int checkpointEveryEpochs,
      int keepCheckpoints) {
    this(
        regime,
        updateRule,
        stage1Epochs,
        epochs,
        learningRate,
        learningRate,
        learningRate,
        LrSchedule.CONSTANT,
        weightDecay,
        false,
        false,
        false,
        "",
        1,
        0,
        seed,
        checkpointEveryEpochs,
        keepCheckpoints,
        1);
  }

  /**
   * The learning rate of the segmentation step at step {@code step} (from 0) of stage {@code stage}
   * (1 or 2), {@code steps} steps long.
   */
  public double learningRate(int stage, long step, long steps) {
    return (stage == 1 ? stage1LearningRate : learningRate) * lrSchedule.factor(step, steps);
  }

  /**
   * The learning rate of the classification step at step {@code step} (from 0) of Stage II, {@code
   * steps} steps long: the same schedule from its own base.
   */
  public double classificationLearningRate(long step, long steps) {
    return classificationLearningRate * lrSchedule.factor(step, steps);
  }

  /**
   * The weight of a segmentation training slice of collection {@code collection} in its step's
   * loss: {@link #pseudoLabelWeight} for the pseudo-labelled collection, else 1.
   */
  public double segmentationLossWeight(String collection) {
    return collection.equals(pseudoLabelCollection) ? pseudoLabelWeight : 1;
  }

  /** Reads section {@code training} of a resolved config. */
  public static TrainingSettings from(Config c) {
    return new TrainingSettings(
        Regime.parse("training.regime", c.getString("regime")),
        UpdateRule.parse("training.update-rule", c.getString("update-rule")),
        c.getInt("stage1-epochs"),
        c.getInt("epochs"),
        c.getDouble("learning-rate"),
        c.getDouble("stage1-learning-rate"),
        c.getDouble("classification-learning-rate"),
        LrSchedule.from(c.getConfig("lr-schedule")),
        c.getDouble("weight-decay"),
        c.getBoolean("classification-flip"),
        c.getBoolean("classification-jitter"),
        c.getBoolean("classification-zoom"),
        c.getString("pseudo-label-collection"),
        c.getDouble("pseudo-label-weight"),
        c.getDouble("collection-adversary-weight"),
        c.getLong("seed"),
        c.getInt("checkpoint-every-epochs"),
        c.getInt("keep-checkpoints"),
        c.getInt("average-last-epochs"));
  }
}
