package ssm.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssm.data.ReaderOptions;
import ssm.data.synthetic.SyntheticCtGenerator;
import ssm.loss.LossTags;
import ssm.settings.LrDecay;
import ssm.settings.LrSchedule;
import ssm.settings.Regime;
import ssm.settings.TrainingSettings;
import ssm.settings.UpdateRule;
import ssm.testing.GraphFixture;
import ssm.testing.SyntheticTrainingData;
import ssm.testing.TestSettings;
import ssm.wiring.ModelWiring;

/**
 * The trainer gives each step type its own rate: Stage II's segmentation steps follow {@code
 * training.learning-rate}, its classification steps {@code training.classification-learning-rate},
 * both on the stage's schedule (hand-computed: warm-up over 2 steps, then a cosine to 0.1).
 */
class StepLearningRatesTest {
  private static final double EPS = 1e-12;

  @TempDir Path dir;

  @Test
  void classificationStepsUseTheirOwnBaseOnTheSameSchedule() throws Exception {
    ReaderOptions options = ReaderOptions.defaults().withSize(64, 128).withMinLesionArea(10);
    TrainingData data =
        SyntheticTrainingData.generate(dir, new SyntheticCtGenerator.Options(6, 9, 64, 3), options);
    TrainingSettings settings =
        new TrainingSettings(
            Regime.SCRATCH,
            UpdateRule.S_BACKBONE,
            0,
            1,
            1e-3,
            1e-3,
            4e-3,
            new LrSchedule(2, LrDecay.COSINE, 0.1),
            0,
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
    List<StepResult> steps = new ArrayList<>();
    try (GraphFixture g = new GraphFixture()) {
      TrainingGraph tg =
          TrainingGraph.build(
              g.context(), ModelWiring.model(TestSettings.model(18, 2), Regime.SCRATCH), settings);
      TrainingHook record =
          new TrainingHook() {
            @Override
            public void afterStep(StepResult r) {
              steps.add(r);
            }
          };
      new Trainer(g.session(), tg, data, settings, List.of(record)).run(TrainingState.start(false));
    }
    int n = data.classification().size();
    assertEquals(n, steps.size());
    for (int i = 0; i < n; i++) {
      // warm-up (i + 1) / 2 for steps 0, 1; then 0.1 + 0.9 * (1 + cos(pi * (i - 2) / (n - 3))) / 2
      double factor =
          i < 2 ? (i + 1) / 2.0 : 0.1 + 0.45 * (1 + Math.cos(Math.PI * (i - 2) / (n - 3)));
      assertEquals(4e-3 * factor, steps.get(i).classificationLearningRate(), EPS, "step " + i);
      if (steps.get(i).losses().containsKey(LossTags.SEGMENTATION)) {
        assertEquals(1e-3 * factor, steps.get(i).learningRate(), EPS, "step " + i);
      }
    }
    assertTrue(steps.stream().anyMatch(r -> r.losses().containsKey(LossTags.SEGMENTATION)));
  }
}
