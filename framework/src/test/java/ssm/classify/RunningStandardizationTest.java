package ssm.classify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import ssm.graph.Tensors;
import ssm.testing.GraphFixture;

/**
 * {@link RunningStandardization} against hand-computed values (momentum 0.5): a step normalises
 * with the statistics it started with and then moves them; a run without the updates (validation,
 * prediction) leaves them alone.
 */
class RunningStandardizationTest {
  private static final float ROOT_EPS = 1e-5f; // var + eps under the root

  @Test
  void stepsNormaliseWithTheOldStatisticsThenUpdateThem() {
    try (GraphFixture g = new GraphFixture()) {
      Placeholder<TFloat32> x = g.tf().placeholder(TFloat32.class);
      Operand<TFloat32> y =
          new RunningStandardization("s2new.n", 2, 0.5f).apply(g.context(), g.tf(), x);
      var mean = g.context().parameters().get("s2new.n.running_mean").variable();
      var variance = g.context().parameters().get("s2new.n.running_var").variable();

      // step 1 from mean 0, var 1: y = x / sqrt(1 + eps); mean 0.5 x; var 0.5 + 0.5 x^2
      assertArrayEquals(
          new float[] {1 / root(1), 3 / root(1)}, step(g, x, y, new float[] {1, 3}, true), 1e-6f);
      assertArrayEquals(new float[] {0.5f, 1.5f}, g.fetchFloats(mean), 1e-6f);
      assertArrayEquals(new float[] {1, 5}, g.fetchFloats(variance), 1e-6f);

      // a validation run reads them and moves nothing
      assertArrayEquals(
          new float[] {1.5f / root(1), -2.5f / root(5)},
          step(g, x, y, new float[] {2, -1}, false),
          1e-6f);
      assertArrayEquals(new float[] {0.5f, 1.5f}, g.fetchFloats(mean), 1e-6f);

      // step 2, x = (2, -1): mean (1.25, 0.25); var 0.5 (1, 5) + 0.5 (1.5^2, 2.5^2)
      assertArrayEquals(
          new float[] {1.5f / root(1), -2.5f / root(5)},
          step(g, x, y, new float[] {2, -1}, true),
          1e-6f);
      assertArrayEquals(new float[] {1.25f, 0.25f}, g.fetchFloats(mean), 1e-6f);
      assertArrayEquals(new float[] {1.625f, 5.625f}, g.fetchFloats(variance), 1e-6f);
    }
  }

  private static float root(float v) {
    return (float) Math.sqrt(v + ROOT_EPS);
  }

  private static float[] step(
      GraphFixture g, Placeholder<TFloat32> x, Operand<TFloat32> y, float[] value, boolean update) {
    Session.Runner runner = g.session().runner();
    try (TFloat32 in = Tensors.floats(value, 1, value.length)) {
      runner.feed(x, in).fetch(y);
      if (update) {
        g.context().classifierStatisticsUpdates().forEach(runner::addTarget);
      }
      try (Result r = runner.run()) {
        return Tensors.toFloats(r.get(0));
      }
    }
  }
}
