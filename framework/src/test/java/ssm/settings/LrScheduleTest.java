package ssm.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The learning-rate factors of training.lr-schedule, against values computed by hand. */
class LrScheduleTest {
  private static final double EPS = 1e-12;

  @Test
  void defaultIsConstant() {
    for (long step : new long[] {0, 1, 13, 100}) {
      assertEquals(1.0, LrSchedule.CONSTANT.factor(step, 14), 0);
    }
  }

  @Test
  void linearWarmUpThenConstant() {
    LrSchedule s = new LrSchedule(2, LrDecay.CONSTANT, 0.0);
    assertEquals(0.5, s.factor(0, 10), EPS); // (0 + 1) / 2
    assertEquals(1.0, s.factor(1, 10), EPS); // (1 + 1) / 2
    assertEquals(1.0, s.factor(9, 10), EPS);
  }

  @Test
  void warmUpThenCosineToTheFinalFactorOnTheLastStep() {
    // W = 4, f = 0.1, n = 14 steps: warm-up 1/4, 2/4, 3/4, 4/4; then p = (s - 4) / 9
    LrSchedule s = new LrSchedule(4, LrDecay.COSINE, 0.1);
    assertEquals(0.25, s.factor(0, 14), EPS);
    assertEquals(0.50, s.factor(1, 14), EPS);
    assertEquals(0.75, s.factor(2, 14), EPS);
    assertEquals(1.00, s.factor(3, 14), EPS);
    assertEquals(1.00, s.factor(4, 14), EPS); // p = 0
    assertEquals(0.775, s.factor(7, 14), EPS); // p = 1/3: 0.1 + 0.9 * (1 + 0.5) / 2
    assertEquals(0.325, s.factor(10, 14), EPS); // p = 2/3: 0.1 + 0.9 * (1 - 0.5) / 2
    assertEquals(0.1, s.factor(13, 14), EPS); // p = 1, the last step
    assertEquals(0.1, s.factor(20, 14), EPS); // past the end: the last factor
  }

  @Test
  void cosineWithoutWarmUpHalvesAtTheMiddle() {
    // n = 9, W = 0: p = s / 8; s = 4 is p = 1/2: cos = 0, factor (1 + 0) / 2
    LrSchedule s = new LrSchedule(0, LrDecay.COSINE, 0.0);
    assertEquals(1.0, s.factor(0, 9), EPS);
    assertEquals(0.5, s.factor(4, 9), EPS);
    assertEquals(0.0, s.factor(8, 9), EPS);
  }

  @Test
  void learningRateIsTheStagesBaseTimesTheFactor() {
    TrainingSettings t =
        new TrainingSettings(
            Regime.SCRATCH,
            UpdateRule.S_BACKBONE,
            0,
            2,
            1e-3,
            2e-3,
            4e-3,
            new LrSchedule(4, LrDecay.COSINE, 0.1),
            1e-3,
            false,
            false,
            false,
            "",
            1,
            0,
            7,
            1,
            1,
            1);
    assertEquals(2.5e-4, t.learningRate(2, 0, 14), EPS);
    assertEquals(7.75e-4, t.learningRate(2, 7, 14), EPS);
    assertEquals(5e-4, t.learningRate(1, 0, 14), EPS);
    assertEquals(1.55e-3, t.learningRate(1, 7, 14), EPS);
    // the classification steps: the same factors (0.25 at step 0, 0.775 at step 7) of 4e-3
    assertEquals(1e-3, t.classificationLearningRate(0, 14), EPS);
    assertEquals(3.1e-3, t.classificationLearningRate(7, 14), EPS);
    assertEquals(
        1e-3,
        new TrainingSettings(Regime.SCRATCH, UpdateRule.S_BACKBONE, 0, 2, 1e-3, 1e-3, 7, 1, 1)
            .learningRate(1, 5, 14),
        0);
  }

  @Test
  void invalidSettingsAreNamed() {
    assertEquals(
        "training.lr-schedule.warmup-steps = -1 must be >= 0",
        assertThrows(IllegalArgumentException.class, () -> new LrSchedule(-1, LrDecay.COSINE, 0))
            .getMessage());
    assertEquals(
        "training.lr-schedule.final-factor = 1.5 is outside [0.0, 1.0]",
        assertThrows(IllegalArgumentException.class, () -> new LrSchedule(0, LrDecay.COSINE, 1.5))
            .getMessage());
  }
}
