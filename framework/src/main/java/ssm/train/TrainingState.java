package ssm.train;

/**
 * Where a run stands, saved with every checkpoint so that a resumed run continues exactly. Every
 * random choice of the run derives from (seed, stage, epoch, position), so the counters are all the
 * random-generator state there is.
 *
 * @param stage 1 (segmentation pretraining) or 2 (joint training)
 * @param epoch epoch within the stage, from 0
 * @param position next step within the epoch, from 0
 * @param globalStep steps done so far, over both stages
 * @param bestSegmentationLoss lowest segmentation loss seen (the scratch regime's copy rule)
 */
public record TrainingState(
    int stage, int epoch, int position, long globalStep, double bestSegmentationLoss) {

  /** The state of a run that has not started. */
  public static TrainingState start(boolean stageOne) {
    return new TrainingState(stageOne ? 1 : 2, 0, 0, 0, Double.POSITIVE_INFINITY);
  }

  /** The state after one more step. */
  public TrainingState next(double bestLoss) {
    return new TrainingState(stage, epoch, position + 1, globalStep + 1, bestLoss);
  }

  /** The start of the next epoch of this stage. */
  public TrainingState nextEpoch() {
    return new TrainingState(stage, epoch + 1, 0, globalStep, bestSegmentationLoss);
  }

  /** The start of Stage II. */
  public TrainingState stageTwo() {
    return new TrainingState(2, 0, 0, globalStep, bestSegmentationLoss);
  }
}
