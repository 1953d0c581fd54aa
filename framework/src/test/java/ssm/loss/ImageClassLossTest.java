package ssm.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import ssm.testing.GraphFixture;

class ImageClassLossTest {
  @Test
  void meanBceOverClassesAndItsGradient() {
    // logits [0, 2, -1], label COVID-19 = 2 -> one-hot [0, 0, 1]:
    //   x = 0, z = 0: log 2 = 0.693147
    //   x = 2, z = 0: 2 + log1p(e^-2) = 2.126928
    //   x = -1, z = 1: 0 + 1 + log1p(e^-1) = 1.313262      mean = 4.133337 / 3 = 1.377779
    // d/dx = (sigmoid(x) - z) / 3 = [0.5, 0.880797, 0.268941 - 1] / 3
    //      = [0.166667, 0.293599, -0.243686]
    try (GraphFixture g = new GraphFixture()) {
      Operand<TFloat32> logits = g.constant(new float[] {0, 2, -1}, 3);
      Operand<TFloat32> loss = ImageClassLoss.forLabel(g.tf(), logits, g.tf().constant(2), 3);
      assertEquals(1.377779f, g.fetchFloats(loss)[0], 1e-5f);
      assertArrayEquals(
          new float[] {0.166667f, 0.293599f, -0.243686f},
          LossTestSupport.gradient(g, loss, logits),
          1e-5f);
    }
  }
}
