package ssm.experiments.run;

import ssm.train.TrainingState;

/**
 * Called at the points of an epoch's end where a run can die with its checkpoint half followed up,
 * in order: the checkpoint written (and {@code best/} kept), its validation scored but not yet
 * recorded, its validation recorded. Resume tests throw from here, as a kill would stop the run.
 */
interface EpochEndProbe {
  /** Where in an epoch's end. */
  enum Point {
    CHECKPOINT_WRITTEN,
    VALIDATION_SCORED,
    VALIDATION_RECORDED
  }

  /** Does nothing: every real run. */
  EpochEndProbe NONE = (point, next) -> {};

  /** The run reached {@code point} of the epoch that ended at {@code next}. */
  void reached(Point point, TrainingState next) throws Exception;

  /** A hook that reports {@code point} after each epoch. */
  default ssm.train.TrainingHook at(Point point) {
    EpochEndProbe probe = this;
    return new ssm.train.TrainingHook() {
      @Override
      public void afterEpoch(TrainingState finished, TrainingState next) throws Exception {
        probe.reached(point, next);
      }
    };
  }
}
