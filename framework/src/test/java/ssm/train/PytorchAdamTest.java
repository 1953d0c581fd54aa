package ssm.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import ssm.graph.Init;
import ssm.graph.Parameter;
import ssm.graph.ParameterLayout;
import ssm.testing.GraphFixture;

class PytorchAdamTest {
  /** loss = 0.5 * sum(w * w), so the gradient is w itself. */
  private static Operand<TFloat32> halfSquaredNorm(Ops tf, Operand<TFloat32> w) {
    return tf.math.mul(tf.constant(0.5f), tf.sum(tf.math.mul(w, w), tf.constant(0)));
  }

  @Test
  void twoStepsOfPytorchAdamWithWeightDecay() {
    // torch.optim.Adam([w], lr=0.1, weight_decay=0.1), w = [1, -2], loss = 0.5 |w|^2 (grad w):
    // step 1: g' = 1.1 w = [1.1, -2.2]; m = 0.1 g' = [0.11, -0.22];
    //         v = 0.001 g'^2 = [0.00121, 0.00484]; m_hat = g', sqrt(v_hat) = |g'|
    //         -> w -= 0.1 * sign(g') (eps negligible): w = [0.9, -1.9]
    // step 2: g' = 1.1 w = [0.99, -2.09];
    //         m = 0.9 [0.11, -0.22] + 0.1 [0.99, -2.09] = [0.198, -0.407];
    //         v = 0.999 [0.00121, 0.00484] + 0.001 [0.9801, 4.3681] = [0.00218889, 0.00920326];
    //         step size 0.1 / (1 - 0.9^2) = 0.526316; sqrt(1 - 0.999^2) = 0.044710;
    //         w -= 0.526316 * m / (sqrt(v) / 0.044710 + 1e-8) -> w = [0.800412, -1.800166]
    try (GraphFixture g = new GraphFixture()) {
      Ops tf = g.tf();
      Variable<TFloat32> w = tf.withName("w").variable(tf.constant(new float[] {1, -2}));
      Operand<TFloat32> grad = tf.gradients(halfSquaredNorm(tf, w), List.of(w)).dy(0);
      PytorchAdam adam = new PytorchAdam(tf, "test", 0.1, 0.1);
      Op step = adam.update(List.of(new PytorchAdam.ParameterGradient("w", w, grad)));
      g.session().run(step);
      assertArrayEquals(new float[] {0.9f, -1.9f}, g.fetchFloats(w), 1e-6f);
      g.session().run(step);
      assertArrayEquals(new float[] {0.800412f, -1.800166f}, g.fetchFloats(w), 1e-6f);
      assertArrayEquals(
          new float[] {0.198f, -0.407f},
          g.fetchFloats(adam.slots().get("w.adam_m").variable()),
          1e-6f);
      assertArrayEquals(
          new float[] {0.00218889f, 0.00920326f},
          g.fetchFloats(adam.slots().get("w.adam_v").variable()),
          1e-8f);
      assertEquals(2f, g.fetchFloats(adam.slots().get("w.adam_step").variable())[0], 0f);
    }
  }

  @Test
  void aParameterWithoutGradientIsLeftUntouched() {
    // loss depends on a, and on c only through StopGradient: b and c get null gradients, no
    // slots, and keep their values even with weight decay (PyTorch skips parameters whose .grad
    // is None). a: one step from 1 with lr 0.1 -> 0.9 (see the two-step test).
    try (GraphFixture g = new GraphFixture()) {
      var registry = g.context().parameters();
      registry.parameter("a", new long[] {3}, ParameterLayout.IDENTITY, Init.ONES);
      registry.parameter("b", new long[] {3}, ParameterLayout.IDENTITY, Init.ONES);
      registry.parameter("c", new long[] {3}, ParameterLayout.IDENTITY, Init.ONES);
      List<Parameter> params = registry.trainable(n -> true);
      Operand<TFloat32> loss =
          g.tf()
              .math
              .add(
                  halfSquaredNorm(g.tf(), params.get(0).variable()),
                  halfSquaredNorm(g.tf(), g.tf().stopGradient(params.get(2).variable())));
      List<PytorchAdam.ParameterGradient> pairs =
          PytorchAdam.gradients(g.context().graph(), loss, params);
      assertNull(pairs.get(1).gradient());
      assertNull(pairs.get(2).gradient());
      PytorchAdam adam = new PytorchAdam(g.tf(), "seg", 0.1, 0.1);
      Op step = adam.update(pairs, loss);
      g.session().run(step);
      assertArrayEquals(
          new float[] {0.9f, 0.9f, 0.9f}, g.fetchFloats(params.get(0).variable()), 1e-6f);
      assertArrayEquals(new float[] {1, 1, 1}, g.fetchFloats(params.get(1).variable()), 0f);
      assertArrayEquals(new float[] {1, 1, 1}, g.fetchFloats(params.get(2).variable()), 0f);
      assertFalse(adam.slots().containsKey("b.adam_m"));
      assertEquals(
          List.of("a.adam_m", "a.adam_v", "a.adam_step"), List.copyOf(adam.slots().keySet()));
    }
  }

  @Test
  void aFedLearningRateOverridesTheDefault() {
    // lr fed as 0: the weight stays, the moments and the step still advance
    try (GraphFixture g = new GraphFixture()) {
      Ops tf = g.tf();
      Variable<TFloat32> w = tf.withName("w").variable(tf.constant(new float[] {1, -2}));
      Operand<TFloat32> grad = tf.gradients(halfSquaredNorm(tf, w), List.of(w)).dy(0);
      PytorchAdam adam = new PytorchAdam(tf, "test", 0.1, 0);
      Op step = adam.update(List.of(new PytorchAdam.ParameterGradient("w", w, grad)));
      try (TFloat64 zero = TFloat64.scalarOf(0)) {
        g.session().runner().feed(adam.learningRate(), zero).addTarget(step).run();
      }
      assertArrayEquals(new float[] {1, -2}, g.fetchFloats(w), 0f);
      assertEquals(1f, g.fetchFloats(adam.slots().get("w.adam_step").variable())[0], 0f);
    }
  }

  @Test
  void slotsRestoreThroughTheirFeeds() {
    // a checkpoint restores m through its feed/load; the next step then starts from it:
    // m = 0.9 * 5 + 0.1 * g with g = w = [1, -2] -> 4.5 + [0.1, -0.2] = [4.6, 4.3]
    try (GraphFixture g = new GraphFixture()) {
      Ops tf = g.tf();
      Variable<TFloat32> w = tf.withName("w").variable(tf.constant(new float[] {1, -2}));
      Operand<TFloat32> grad = tf.gradients(halfSquaredNorm(tf, w), List.of(w)).dy(0);
      PytorchAdam adam = new PytorchAdam(tf, "test", 0.1, 0);
      Op step = adam.update(List.of(new PytorchAdam.ParameterGradient("w", w, grad)));
      PytorchAdam.Slot m = adam.slots().get("w.adam_m");
      try (TFloat32 five = ssm.graph.Tensors.floats(new float[] {5, 5}, 2)) {
        g.session().runner().feed(m.feed(), five).addTarget(m.load()).run();
      }
      g.session().run(step);
      assertArrayEquals(new float[] {4.6f, 4.3f}, g.fetchFloats(m.variable()), 1e-6f);
    }
  }
}
