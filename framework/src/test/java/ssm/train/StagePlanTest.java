package ssm.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Stage I of 3 epochs over 10 segmentation slices, then Stage II of 2 epochs over 7 classification
 * slices: where each state stands and when the run is over.
 */
class StagePlanTest {
  private final StagePlan plan = new StagePlan(3, 2, 10, 7);

  private static TrainingState at(int stage, int epoch, int position, long step) {
    return new TrainingState(stage, epoch, position, step, 1.0);
  }

  @Test
  void countsEpochsAndStepsPerStage() {
    assertEquals(3, plan.epochs(1));
    assertEquals(2, plan.epochs(2));
    assertEquals(10, plan.stepsPerEpoch(1));
    assertEquals(7, plan.stepsPerEpoch(2));
    assertEquals(30, plan.stepsInStage(1));
    assertEquals(14, plan.stepsInStage(2));
  }

  @Test
  void theLearningRatePositionIsTheStepWithinTheStage() {
    assertEquals(0, plan.stepInStage(at(1, 0, 0, 0)));
    assertEquals(24, plan.stepInStage(at(1, 2, 4, 24)));
    // Stage II counts from its own start, not from the run's
    assertEquals(0, plan.stepInStage(at(2, 0, 0, 30)));
    assertEquals(10, plan.stepInStage(at(2, 1, 3, 40)));
  }

  @Test
  void stageOneEndsIntoStageTwoAndStageTwoEndsTheRun() {
    assertEquals(at(1, 2, 0, 20), plan.settle(at(1, 2, 0, 20)));
    assertEquals(at(2, 0, 0, 30), plan.settle(at(1, 3, 0, 30)));
    assertFalse(plan.atEnd(at(1, 3, 0, 30)), "Stage II is still to come");
    assertFalse(plan.finished(at(2, 1, 0, 37)));
    assertTrue(plan.finished(at(2, 2, 0, 44)));
    // Stage I alone (no Stage II epochs): over after its last epoch
    StagePlan stageOneOnly = new StagePlan(3, 0, 10, 7);
    assertTrue(stageOneOnly.finished(at(1, 3, 0, 30)));
    assertFalse(stageOneOnly.finished(at(1, 2, 0, 20)));
    // a run not started has trained nothing: not a finished run, though it has no epochs
    assertTrue(new StagePlan(0, 0, 10, 7).atEnd(TrainingState.start(false)));
    assertFalse(new StagePlan(0, 0, 10, 7).finished(TrainingState.start(false)));
  }

  @Test
  void negativeCountsAreRefused() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new StagePlan(1, -2, 10, 7));
    assertTrue(e.getMessage().contains("stage II -2 x 7"), e.getMessage());
  }
}
