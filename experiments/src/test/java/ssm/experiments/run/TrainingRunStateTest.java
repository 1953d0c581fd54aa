package ssm.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import ssm.settings.Regime;
import ssm.settings.Settings;
import ssm.settings.SettingsLoader;
import ssm.settings.Variant;
import ssm.train.TrainingState;
import ssm.wiring.ModelWiring;

/** When a resumed run has nothing left to train, and what its progress lines call it. */
class TrainingRunStateTest {
  private static Settings settings(String variant, int stage1Epochs, int epochs) {
    return new SettingsLoader()
        .load(
            variant,
            List.of(),
            List.of("training.stage1-epochs = " + stage1Epochs, "training.epochs = " + epochs));
  }

  private static TrainingState at(int stage, int epoch, long step) {
    return new TrainingState(stage, epoch, 0, step, 1.0);
  }

  @Test
  void aTwoEpochRunIsFinishedAfterItsSecondEpochNotBefore() {
    Settings s = settings("scratch-r18-2", 0, 2);
    assertFalse(TrainingRun.finished(at(2, 1, 6), s));
    assertTrue(TrainingRun.finished(at(2, 2, 12), s), "the checkpoint after epoch 2 of 2");
    assertFalse(TrainingRun.finished(TrainingState.start(false), s), "a run not started");
  }

  @Test
  void aStageOneOnlyRunIsFinishedAfterStageOne() {
    Settings s = settings("frozen-r18-3", 1, 0);
    assertTrue(TrainingRun.finished(at(1, 1, 5), s));
    assertFalse(TrainingRun.finished(at(2, 0, 5), settings("frozen-r18-3", 1, 2)));
  }

  @Test
  void stageOneOnlyRunsAreNamedByTheirArchitectureNotAFrozenVariant() {
    Settings s = settings("frozen-r34-2", 1, 0);
    Variant v = Variant.of(s);
    Regime regime = ModelWiring.injector(v, s).getInstance(Regime.class);
    assertEquals("stage1-r34-2", TrainingRun.label(v, s, regime));
    Settings full = settings("frozen-r34-2", 1, 2);
    assertEquals(
        "frozen-r34-2",
        TrainingRun.label(v, full, ModelWiring.injector(v, full).getInstance(Regime.class)));
  }
}
