package ssm.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.Session;
import ssm.data.ReaderOptions;
import ssm.data.SegmentationExample;
import ssm.data.SegmentationFolder;
import ssm.data.synthetic.SyntheticCtGenerator;
import ssm.graph.Tensors;
import ssm.settings.Regime;
import ssm.settings.TrainingSettings;
import ssm.settings.UpdateRule;
import ssm.testing.GraphFixture;
import ssm.testing.SlowTest;
import ssm.testing.SyntheticTrainingData;
import ssm.testing.TestSettings;
import ssm.wiring.ModelWiring;

/**
 * End-to-end learning at 96x96: a short scratch-regime run lowers the segmentation loss (Eq. 1) on
 * HELD-OUT slices (the synthetic test split, never trained on), measured with the same sampler
 * seeds before and after training.
 */
@SlowTest
class LearningTest {
  @TempDir Path dir;

  @Test
  void heldOutSegmentationLossFalls() throws Exception {
    ReaderOptions options = ReaderOptions.defaults().withSize(96, 192).withMinLesionArea(10);
    TrainingData data =
        SyntheticTrainingData.generate(
            dir, new SyntheticCtGenerator.Options(40, 30, 96, 11), options);
    SegmentationFolder test = new SegmentationFolder(dir.resolve("seg/test"), options);
    TrainingSettings settings =
        new TrainingSettings(Regime.SCRATCH, UpdateRule.S_BACKBONE, 0, 3, 3e-4, 1e-3, 7, 1, 1);
    try (GraphFixture g = new GraphFixture()) {
      TrainingGraph tg =
          TrainingGraph.build(
              g.context(), ModelWiring.model(TestSettings.model(18, 2), Regime.SCRATCH), settings);
      Session s = g.session();
      double before = heldOutLoss(s, tg, test);
      new Trainer(s, tg, data, settings, List.of()).run(TrainingState.start(false));
      double after = heldOutLoss(s, tg, test);
      System.out.printf(
          "held-out segmentation loss: %.4f before, %.4f after training%n", before, after);
      assertTrue(
          after < 0.7 * before, "held-out loss should fall by 30%: " + before + " -> " + after);
    }
  }

  /** Mean Eq. 1 loss over the test slices with lesions; no update runs. */
  private static double heldOutLoss(Session s, TrainingGraph tg, SegmentationFolder test) {
    List<Double> losses = new ArrayList<>();
    for (int i = 0; i < test.size(); i++) {
      SegmentationExample e = test.load(i);
      if (e.count() == 0) {
        continue;
      }
      try (var image = StepFeeds.pixels(e.image());
          var boxes = Tensors.floats(e.boxes(), e.count(), 4);
          var masks = Tensors.bytes(e.masks(), e.count(), e.image().height(), e.image().width());
          var seed = org.tensorflow.types.TInt64.vectorOf(99, i);
          Result r =
              s.runner()
                  .feed(tg.segImage, image)
                  .feed(tg.segBoxes, boxes)
                  .feed(tg.segMasks, masks)
                  .feed(tg.seed, seed)
                  .fetch(tg.segmentationLoss)
                  .run()) {
        losses.add((double) Tensors.scalar(r.get(0)));
      }
    }
    assertTrue(losses.size() >= 3, "test split has too few lesion slices: " + losses.size());
    return losses.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
  }
}
