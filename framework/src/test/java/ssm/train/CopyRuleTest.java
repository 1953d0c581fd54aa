package ssm.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tensorflow.types.TFloat32;
import ssm.model.SsmModel;
import ssm.settings.Regime;
import ssm.testing.GraphFixture;
import ssm.testing.TestSettings;
import ssm.wiring.ModelWiring;

/**
 * The copy rule's (from, to) pairs and its two moments per regime
 * (docs/explanation/model.md#4-variants-and-regimes).
 */
class CopyRuleTest {
  private static final String FROM = "roi_heads.box_head.fc6.weight";
  private static final String TO = "roi_heads.box_head_s2.fc6.weight";

  private static CopyRule build(GraphFixture g, SsmModel model, Regime regime) {
    model.buildInference(
        g.context(), g.tf().placeholder(TFloat32.class), g.tf().constant(new long[] {0, 0}));
    return CopyRule.build(g.context(), model, regime);
  }

  private static boolean branchesEqual(GraphFixture g) {
    return java.util.Arrays.equals(
        g.fetchFloats(g.context().parameters().get(FROM).variable()),
        g.fetchFloats(g.context().parameters().get(TO).variable()));
  }

  @Test
  void pairsNameEachClassificationBranchParameterWithItsTwin() {
    try (GraphFixture g = new GraphFixture()) {
      CopyRule rule =
          build(g, ModelWiring.model(TestSettings.model(18, 2), Regime.SCRATCH), Regime.SCRATCH);
      assertEquals(8, rule.pairs().size(), "fc6, fc7, cls_score, bbox_pred: weight and bias");
      assertTrue(rule.pairs().contains(new CopyRule.Pair(FROM, TO)));
      rule.pairs().forEach(p -> assertEquals(p.to().replace("_s2.", "."), p.from()));
    }
  }

  @Test
  void frozenCopiesOnceWhenStageTwoStarts() {
    try (GraphFixture g = new GraphFixture()) {
      CopyRule rule =
          build(g, ModelWiring.model(TestSettings.model(18, 2), Regime.FROZEN), Regime.FROZEN);
      assertFalse(rule.afterSegmentationStep(g.session(), 2, true));
      assertFalse(branchesEqual(g));
      assertTrue(rule.atStageTwoStart(g.session()));
      assertTrue(branchesEqual(g), "the copy makes the branches equal");
    }
  }

  @Test
  void scratchCopiesAfterAStageTwoStepWithTheLowestLoss() {
    try (GraphFixture g = new GraphFixture()) {
      CopyRule rule =
          build(g, ModelWiring.model(TestSettings.model(18, 2), Regime.SCRATCH), Regime.SCRATCH);
      assertFalse(rule.atStageTwoStart(g.session()));
      assertFalse(rule.afterSegmentationStep(g.session(), 1, true), "no copy in Stage I");
      assertFalse(rule.afterSegmentationStep(g.session(), 2, false), "no copy without a new best");
      assertFalse(branchesEqual(g));
      assertTrue(rule.afterSegmentationStep(g.session(), 2, true));
      assertTrue(branchesEqual(g));
    }
  }

  @Test
  void sharedHasNothingToCopyAndNeedsOneBranch() {
    try (GraphFixture g = new GraphFixture()) {
      CopyRule rule =
          build(g, ModelWiring.model(TestSettings.model(18, 2), Regime.SHARED), Regime.SHARED);
      assertTrue(rule.pairs().isEmpty());
      assertFalse(rule.atStageTwoStart(g.session()));
      assertFalse(rule.afterSegmentationStep(g.session(), 2, true));
    }
    try (GraphFixture g = new GraphFixture()) {
      assertThrows(
          IllegalArgumentException.class,
          () ->
              build(
                  g, ModelWiring.model(TestSettings.model(18, 2), Regime.SHARED), Regime.SCRATCH));
    }
  }
}
