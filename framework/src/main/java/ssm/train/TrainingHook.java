package ssm.train;

/** Observes a training run: progress bar, event file, checkpoints, validation, NaN guard. */
public interface TrainingHook {
  /** Once before the first step (also when resuming). */
  default void beforeTraining(TrainingState state) throws Exception {}

  /** After every step. */
  default void afterStep(StepResult result) throws Exception {}

  /** After each epoch; {@code next} is where the run continues. */
  default void afterEpoch(TrainingState finished, TrainingState next) throws Exception {}

  /** Once at the end of a complete run. */
  default void afterTraining(TrainingState state) throws Exception {}
}
