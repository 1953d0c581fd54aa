package ssm.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import ssm.roi.BranchOutputs;
import ssm.targets.SampledRois;
import ssm.testing.GraphFixture;

class RoiLossTest {
  @Test
  void crossEntropyAndSmoothL1OfTheLesionDeltasWithGradients() {
    // 3 sampled RoIs, labels [1, 0, 0]; class logits all 0 -> CE = log 2 each, mean log 2;
    //   d/dlogits = (softmax - onehot) / 3: row 0 [0.5, -0.5] / 3, rows 1, 2 [-0.5, 0.5] / 3.
    // Row 0's lesion deltas (columns 4..7) [0.5, 2, -0.5, 0], target 0: smooth-L1
    //   0.125 + 1.5 + 0.125 + 0 = 1.75, / 3 sampled = 0.583333;
    //   d/ddelta = [0.5, 1, -0.5, 0] / 3 in columns 4..7 of row 0; background columns 0..3 and
    //   the negatives' rows get 0.
    try (GraphFixture g = new GraphFixture()) {
      Operand<TFloat32> logits = g.constant(new float[6], 3, 2);
      float[] reg = new float[24];
      float[] row0 = {9, 9, 9, 9, 0.5f, 2, -0.5f, 0};
      System.arraycopy(row0, 0, reg, 0, 8);
      java.util.Arrays.fill(reg, 8, 24, 3f);
      Operand<TFloat32> regression = g.constant(reg, 3, 8);
      SampledRois rois =
          new SampledRois(
              g.boxes(0, 0, 1, 1, 0, 0, 1, 1, 0, 0, 1, 1),
              g.tf().constant(new int[] {1, 0, 0}),
              g.constant(new float[12], 3, 4),
              g.tf().constant(new int[] {0, -1, -1}),
              g.tf().constant(1));
      RoiLoss.Terms terms = RoiLoss.compute(g.tf(), new BranchOutputs(logits, regression), rois);
      assertEquals((float) Math.log(2), g.fetchFloats(terms.classification())[0], 1e-6f);
      assertEquals(1.75f / 3, g.fetchFloats(terms.box())[0], 1e-6f);
      float s = 0.5f / 3;
      assertArrayEquals(
          new float[] {s, -s, -s, s, -s, s},
          LossTestSupport.gradient(g, terms.classification(), logits),
          1e-6f);
      float[] expected = new float[24];
      expected[4] = 0.5f / 3;
      expected[5] = 1f / 3;
      expected[6] = -0.5f / 3;
      assertArrayEquals(expected, LossTestSupport.gradient(g, terms.box(), regression), 1e-6f);
    }
  }
}
