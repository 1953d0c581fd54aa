package ssm.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import ssm.graph.Tensors;
import ssm.settings.Regime;
import ssm.settings.TrainingSettings;
import ssm.testing.GraphFixture;
import ssm.testing.TestSettings;
import ssm.wiring.ModelWiring;

/**
 * {@code training.classification-flip}: a classification training step sees the slice mirrored
 * left-right or as it is, by a coin drawn from the step's seed; without it (validation, prediction)
 * always as it is.
 */
class ClassificationFlipTest {
  private static final int H = 64;
  private static final int W = 80;

  private static float[] logits(
      GraphFixture g, TrainingGraph tg, float[] image, long seed, boolean trainingStep) {
    try (TFloat32 pixels = Tensors.floats(image, H, W, 3);
        TInt64 seeds = TInt64.vectorOf(7, seed);
        TBool flag = TBool.scalarOf(trainingStep);
        Result r =
            g.session()
                .runner()
                .feed(tg.clsImage, pixels)
                .feed(tg.seed, seeds)
                .feed(tg.clsTrainingStep, flag)
                .fetch(tg.inference.classLogits())
                .run()) {
      return Tensors.toFloats(r.get(0));
    }
  }

  private static float[] mirrored(float[] image) {
    float[] out = new float[image.length];
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        System.arraycopy(image, (y * W + x) * 3, out, (y * W + (W - 1 - x)) * 3, 3);
      }
    }
    return out;
  }

  private static float[] testImage() {
    float[] image = new float[H * W * 3];
    for (int i = 0; i < image.length; i++) {
      int x = (i / 3) % W;
      int y = i / 3 / W;
      image[i] = x < W / 3 && y > H / 4 ? 0.9f : 0.1f + 0.3f * ((x * 7 + y * 3) % 5) / 5f;
    }
    return image;
  }

  private static TrainingGraph graph(GraphFixture g, boolean classificationFlip) {
    TrainingSettings settings =
        ClassificationAugmentationTest.settings(classificationFlip, false, false);
    return TrainingGraph.build(
        g.context(), ModelWiring.model(TestSettings.model(), Regime.SCRATCH), settings);
  }

  @Test
  void aStepSeesTheSliceMirroredOrNotByItsSeed() {
    float[] image = testImage();
    try (GraphFixture g = new GraphFixture()) {
      TrainingGraph tg = graph(g, true);
      int mirroredSteps = 0;
      for (long seed = 0; seed < 12; seed++) {
        float[] plain = logits(g, tg, image, seed, false);
        float[] flipped = logits(g, tg, mirrored(image), seed, false);
        assertFalse(Arrays.equals(plain, flipped), "the test image is not symmetric");
        float[] augmented = logits(g, tg, image, seed, true);
        if (Arrays.equals(augmented, flipped)) {
          mirroredSteps++;
        } else {
          assertArrayEquals(plain, augmented, "seed " + seed + ": the slice as it is");
        }
        assertArrayEquals(plain, logits(g, tg, image, seed, false), "no feed, no mirror");
      }
      assertTrue(mirroredSteps > 0 && mirroredSteps < 12, mirroredSteps + " of 12 mirrored");
    }
  }

  @Test
  void withoutTheSettingATrainingStepNeverMirrors() {
    float[] image = testImage();
    try (GraphFixture g = new GraphFixture()) {
      TrainingGraph tg = graph(g, false);
      for (long seed = 0; seed < 12; seed++) {
        assertArrayEquals(
            logits(g, tg, image, seed, false), logits(g, tg, image, seed, true), "seed " + seed);
      }
    }
  }
}
