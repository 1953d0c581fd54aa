package ssm.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import ssm.testing.GraphFixture;

class ElementwiseLossesTest {
  @Test
  void bceAtZeroIsLog2AndLargeLogitsStayFinite() {
    // x = 0: max(0, 0) - 0 + log1p(e^0) = log 2 whatever z; x = 100, z = 0: 100 + log1p(e^-100)
    // = 100; x = -100, z = 0: 0 + 0 + log1p(e^-100) = 0 (the naive log(1 - sigmoid) is -inf at 1)
    try (GraphFixture g = new GraphFixture()) {
      float[] l =
          g.run(
              tf ->
                  ElementwiseLosses.bceWithLogits(
                      tf,
                      g.constant(new float[] {0, 0, 100, -100}, 4),
                      g.constant(new float[] {1, 0, 0, 0}, 4)));
      float log2 = (float) Math.log(2);
      assertArrayEquals(new float[] {log2, log2, 100, 0}, l, 1e-6f);
    }
  }

  @Test
  void bceGradientIsSigmoidMinusTargetAtTheKinkAndFarOut() {
    // d/dx = sigmoid(x) - z: x = 0, z = 1 -> -0.5 (not the 0 that max/abs subgradients give);
    // x = 100, z = 0 -> 1; x = -100, z = 0 -> 0 (finite: the unused branch is clamped)
    try (GraphFixture g = new GraphFixture()) {
      var x = g.constant(new float[] {0, 100, -100}, 3);
      var loss =
          g.tf()
              .sum(
                  ElementwiseLosses.bceWithLogits(g.tf(), x, g.constant(new float[] {1, 0, 0}, 3)),
                  g.tf().constant(0));
      assertArrayEquals(new float[] {-0.5f, 1, 0}, LossTestSupport.gradient(g, loss, x), 1e-6f);
    }
  }

  @Test
  void smoothL1AtHalfAndTwo() {
    // |d| = 0.5 < 1: 0.5 * 0.25 = 0.125; |d| = 2: 2 - 0.5 = 1.5; d = 0: 0
    try (GraphFixture g = new GraphFixture()) {
      float[] l =
          g.run(
              tf ->
                  ElementwiseLosses.smoothL1(
                      tf,
                      g.constant(new float[] {1.5f, -1, 3}, 3),
                      g.constant(new float[] {1, 1, 3}, 3)));
      assertArrayEquals(new float[] {0.125f, 1.5f, 0}, l, 1e-6f);
    }
  }

  @Test
  void softmaxCrossEntropyOfEqualAndUnequalLogits() {
    // [0, 0] label 1: -log(1/2) = log 2; [ln 3, 0] label 0: -log(3/4) = log(4/3)
    try (GraphFixture g = new GraphFixture()) {
      float[] l =
          g.run(
              tf ->
                  ElementwiseLosses.softmaxCrossEntropy(
                      tf,
                      g.constant(new float[] {0, 0, (float) Math.log(3), 0}, 2, 2),
                      tf.constant(new int[] {1, 0}),
                      2));
      assertArrayEquals(new float[] {(float) Math.log(2), (float) Math.log(4.0 / 3)}, l, 1e-6f);
    }
  }
}
