package ssm.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.types.TFloat32;
import ssm.data.SegmentationExample;
import ssm.graph.Tensors;
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
    try (GraphFixture g = new GraphFixture()) {
      TrainingGraph tg = frozenGraph(g);
      float[][] full = lossAndGradient(g.session(), tg, 1f);
      float[][] quarter = lossAndGradient(g.session(), tg, 0.25f);
      assertEquals(full[0][0], quarter[0][0], 0f, "the reported loss is not weighted");
      assertTrue(full[0][0] > 0);
      float largest = 0;
      for (int i = 0; i < full[1].length; i++) {
        assertEquals(0.25f * full[1][i], quarter[1][i], 1e-6f + 1e-4f * Math.abs(full[1][i]));
        largest = Math.max(largest, Math.abs(full[1][i]));
      }
      assertTrue(largest > 0, "a gradient that is zero everywhere tests nothing");
    }
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

  /** {loss}, {the first reached parameter's gradient} at loss weight {@code weight}; no update. */
  private static float[][] lossAndGradient(Session session, TrainingGraph tg, float weight) {
    List<Tensor> feeds = new ArrayList<>();
    try {
      Session.Runner r =
          session
              .runner()
              .feed(tg.segImage, track(feeds, StepFeeds.pixels(seg.image())))
              .feed(tg.segBoxes, track(feeds, Tensors.floats(seg.boxes(), seg.count(), 4)))
              .feed(
                  tg.segMasks,
                  track(
                      feeds,
                      Tensors.bytes(
                          seg.masks(), seg.count(), seg.image().height(), seg.image().width())))
              .feed(tg.seed, track(feeds, StepFeeds.seed(7, 0, StepFeeds.SEGMENTATION_PART)))
              .feed(tg.segLossWeight, track(feeds, TFloat32.scalarOf(weight)))
              .fetch(tg.segmentationLoss)
              .fetch(tg.segmentationGradients.get(0).gradient());
      try (Result res = r.run()) {
        return new float[][] {{Tensors.scalar(res.get(0))}, Tensors.toFloats(res.get(1))};
      }
    } finally {
      feeds.forEach(Tensor::close);
    }
  }

  private static <T extends Tensor> T track(List<Tensor> feeds, T t) {
    feeds.add(t);
    return t;
  }
}
