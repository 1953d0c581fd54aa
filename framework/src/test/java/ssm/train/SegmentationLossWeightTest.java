package ssm.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssm.data.SegmentationExample;
import ssm.loss.LossTags;
import ssm.settings.Regime;
import ssm.testing.GraphFixture;
import ssm.testing.TestSettings;
import ssm.wiring.ModelWiring;

/**
 * {@code training.pseudo-label-weight}: a segmentation step's gradient is its loss's times the
 * weight fed for its slice, the loss it reports is not weighted, and the weight follows the slice's
 * collection.
 */
class SegmentationLossWeightTest {
  @TempDir static Path dir;
  static SegmentationExample seg;

  @BeforeAll
  static void data() {
    seg = TrainingStepsTest.firstSliceWithLesions(dir);
  }

  @Test
  void theGradientScalesWithTheWeightAndTheLossDoesNot() {
    Step full = firstStep(1);
    Step quarter = firstStep(0.25);
    float loss = full.losses().get(LossTags.SEGMENTATION);
    assertEquals(loss, quarter.losses().get(LossTags.SEGMENTATION), 0f, "the loss is not weighted");
    assertTrue(loss > 0);
    assertEquals(full.gradients().keySet(), quarter.gradients().keySet());
    float largest = 0;
    for (String name : full.gradients().keySet()) {
      float[] g1 = full.gradients().get(name);
      float[] g4 = quarter.gradients().get(name);
      for (int i = 0; i < g1.length; i++) {
        assertEquals(0.25f * g1[i], g4[i], 1e-6f + 1e-4f * Math.abs(g1[i]), name);
        largest = Math.max(largest, Math.abs(g1[i]));
      }
    }
    assertTrue(largest > 0, "a gradient that is zero everywhere tests nothing");
  }

  @Test
  void theWeightFollowsTheSlicesCollection() {
    try (GraphFixture g = new GraphFixture()) {
      TrainingGraph tg = frozenGraph(g);
      // the synthetic segmentation slices are named seg_00000.png...: collection "seg"
      assertEquals(
          0.25f, new SegmentationStep(tg, 7, c -> c.equals("seg") ? 0.25 : 1).lossWeight(seg));
      assertEquals(
          1f, new SegmentationStep(tg, 7, c -> c.equals("radiopaedia") ? 0.25 : 1).lossWeight(seg));
      assertEquals(1f, new SegmentationStep(tg, 7).lossWeight(seg));
    }
  }

  private static TrainingGraph frozenGraph(GraphFixture g) {
    return TrainingGraph.build(
        g.context(),
        ModelWiring.model(TestSettings.model(18, 2), Regime.FROZEN),
        TrainingStepsTest.settings(Regime.FROZEN));
  }

  /** One step's losses by tag and gradients by parameter name. */
  private record Step(Map<String, Float> losses, Map<String, float[]> gradients) {}

  /** The first segmentation step of a freshly initialised graph, every slice at {@code weight}. */
  private static Step firstStep(double weight) {
    try (GraphFixture g = new GraphFixture()) {
      Map<String, float[]> gradients = new LinkedHashMap<>();
      Map<String, Float> losses =
          new SegmentationStep(frozenGraph(g), 7, collection -> weight)
              .run(g.session(), seg, 0, 1e-3, gradients);
      return new Step(losses, gradients);
    }
  }
}
