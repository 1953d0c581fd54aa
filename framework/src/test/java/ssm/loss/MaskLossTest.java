package ssm.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import ssm.testing.GraphFixture;

class MaskLossTest {
  @Test
  void meanPixelBceOfTheLesionChannelWithGradient() {
    // one positive RoI, 2 x 2 mask, logits [..., 2] (background, lesion); lesion channel
    // [0, 0, 2, -1] against targets [1, 0, 0, 1]:
    //   log 2 + log 2 + (2 + log1p(e^-2)) + (1 + log1p(e^-1))
    //   = 0.693147 * 2 + 2.126928 + 1.313262 = 4.826484, mean over 4 pixels = 1.206621.
    // d/dlesion = (sigmoid - z) / 4 = [-0.125, 0.125, 0.220199, -0.182765]; background: 0.
    try (GraphFixture g = new GraphFixture()) {
      Operand<TFloat32> logits = g.constant(new float[] {5, 0, -5, 0, 5, 2, 5, -1}, 1, 2, 2, 2);
      Operand<TFloat32> loss =
          MaskLoss.compute(g.tf(), logits, g.constant(new float[] {1, 0, 0, 1}, 1, 2, 2));
      assertEquals(1.206621f, g.fetchFloats(loss)[0], 1e-5f);
      assertArrayEquals(
          new float[] {0, -0.125f, 0, 0.125f, 0, 0.220199f, 0, -0.182765f},
          LossTestSupport.gradient(g, loss, logits),
          1e-5f);
    }
  }

  @Test
  void noPositiveRoiGivesZeroLossAndZeroGradient() {
    try (GraphFixture g = new GraphFixture()) {
      Operand<TFloat32> logits = g.constant(new float[0], 0, 28, 28, 2);
      Operand<TFloat32> loss =
          MaskLoss.compute(g.tf(), logits, g.constant(new float[0], 0, 28, 28));
      assertEquals(0f, g.fetchFloats(loss)[0], 0f);
      assertEquals(0, LossTestSupport.gradient(g, loss, logits).length);
    }
  }
}
