package ssm.loss;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import ssm.testing.GraphFixture;

/** Runs tf.gradients (Graph.addGradients, TF's C++ gradient registry) of a scalar. */
final class LossTestSupport {
  private LossTestSupport() {}

  static float[] gradient(GraphFixture g, Operand<TFloat32> loss, Operand<TFloat32> x) {
    return g.fetchFloats(g.tf().gradients(loss, List.of(x)).dy(0));
  }
}
