package ssm.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tensorflow.Session;
import ssm.testing.GraphFixture;

/** The running-statistics update of a training-mode {@link BatchNorm}, by hand. */
class BatchNormTest {
  /** One channel, values 1, 2, 3, 6: mean 3, unbiased variance (4 + 1 + 0 + 9) / 3 = 14 / 3. */
  private static float[] runningAfterOneStep(BatchNorm bn) {
    try (GraphFixture g = new GraphFixture()) {
      bn.apply(
          g.context(),
          g.tf(),
          g.constant(new float[] {1, 2, 3, 6}, 1, 2, 2, 1),
          BatchNormMode.TRAINING);
      Session.Runner update = g.session().runner();
      g.context().batchNormUpdates().forEach(update::addTarget);
      update.run();
      var buffers = g.context().parameters();
      return new float[] {
        g.fetchFloats(buffers.get("bn.running_mean").variable())[0],
        g.fetchFloats(buffers.get("bn.running_var").variable())[0]
      };
    }
  }

  @Test
  void pytorchMomentumMovesTheRunningStatisticsATenthOfTheWay() {
    float[] r = runningAfterOneStep(new BatchNorm("bn", 1));
    assertEquals(0.1f * 3, r[0], 1e-6f); // 0.9 * 0 + 0.1 * 3
    assertEquals(0.9f + 0.1f * 14 / 3, r[1], 1e-5f); // 0.9 * 1 + 0.1 * 14/3
  }

  @Test
  void aSmallerMomentumMovesThemLess() {
    float[] r = runningAfterOneStep(new BatchNorm("bn", 1, 0.01f));
    assertEquals(0.03f, r[0], 1e-6f);
    assertEquals(0.99f + 0.01f * 14 / 3, r[1], 1e-5f);
  }
}
