package ssm.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import ssm.targets.AnchorTargets;
import ssm.testing.GraphFixture;

class RpnLossTest {
  @Test
  void meanBceAndL1OverSampledAnchorsWithGradients() {
    // 4 anchors; sampled positive {0}, negatives {1, 2}; anchor 3 unsampled (target row infinite,
    // as for a zero-height anchor: must not leak). Logits all 0 on the sampled anchors:
    //   objectness = mean(log 2, log 2, log 2) = log 2;
    //   d/dlogit = (sigmoid(0) - z) / 3 = [-0.5, 0.5, 0.5] / 3, anchor 3: 0.
    // Deltas of anchor 0 [0.5, -2, 0, 1], target [0, 0, 0, 1]: L1 sum 0.5 + 2 + 0 + 0 = 2.5,
    //   divided by 3 sampled -> 0.833333; d/ddelta = sign(d) / 3 = [1/3, -1/3, 0, 0], others 0.
    float inf = Float.POSITIVE_INFINITY;
    try (GraphFixture g = new GraphFixture()) {
      Operand<TFloat32> logits = g.constant(new float[] {0, 0, 0, 5}, 4);
      Operand<TFloat32> deltas =
          g.constant(new float[] {0.5f, -2, 0, 1, 7, 7, 7, 7, 7, 7, 7, 7, 1, 1, 1, 1}, 4, 4);
      AnchorTargets t =
          new AnchorTargets(
              g.tf().constant(new int[] {1, 0, 0, -1}),
              g.tf().constant(new int[] {0, -1, -1, -2}),
              g.constant(
                  new float[] {0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, inf, inf, inf, inf}, 4, 4),
              g.tf().constant(new int[] {0}),
              g.tf().constant(new int[] {1, 2}));
      RpnLoss.Terms terms = RpnLoss.compute(g.tf(), logits, deltas, t);
      assertEquals((float) Math.log(2), g.fetchFloats(terms.objectness())[0], 1e-6f);
      assertEquals(2.5f / 3, g.fetchFloats(terms.box())[0], 1e-6f);
      assertArrayEquals(
          new float[] {-0.5f / 3, 0.5f / 3, 0.5f / 3, 0},
          LossTestSupport.gradient(g, terms.objectness(), logits),
          1e-6f);
      float third = 1f / 3;
      assertArrayEquals(
          new float[] {third, -third, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
          LossTestSupport.gradient(g, terms.box(), deltas),
          1e-6f);
    }
  }
}
