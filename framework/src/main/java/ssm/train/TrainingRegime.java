package ssm.train;

import ssm.settings.Regime;

/**
 * How a regime trains (docs/model.md#4-variants-and-regimes). All three regimes update everything
 * but S and the classification branch in a segmentation step; they differ in Stage I and in when
 * the segmentation branch is copied into the classification branch.
 *
 * @param regime the regime's name
 * @param stageOne whether Stage I (segmentation only) pretraining runs first
 * @param copy when the segmentation branch's head and predictor are copied into the
 *     classification branch
 */
public record TrainingRegime(Regime regime, boolean stageOne, BranchCopy copy) {

  /** When the classification branch receives the segmentation branch's weights. */
  public enum BranchCopy {
    /** Never: one branch serves both tasks (shared). */
    NEVER,
    /** Once, when Stage II starts, from the Stage I model; never updated after (frozen). */
    AT_STAGE_TWO,
    /** After every segmentation step whose loss is the lowest so far (scratch). */
    ON_IMPROVEMENT
  }

  /** Paper's SSM: Stage I, then one branch for both tasks. */
  public static final TrainingRegime SHARED =
      new TrainingRegime(Regime.SHARED, true, BranchCopy.NEVER);
  /** Paper's SSM2: Stage I, then a frozen copy of the segmentation branch feeds S. */
  public static final TrainingRegime FROZEN =
      new TrainingRegime(Regime.FROZEN, true, BranchCopy.AT_STAGE_TWO);
  /** Paper's SSM-S: no Stage I; the branch is copied whenever the segmentation loss improves. */
  public static final TrainingRegime SCRATCH =
      new TrainingRegime(Regime.SCRATCH, false, BranchCopy.ON_IMPROVEMENT);
}
