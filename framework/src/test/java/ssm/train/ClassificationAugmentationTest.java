package ssm.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import ssm.graph.Tensors;
import ssm.settings.LrSchedule;
import ssm.settings.Regime;
import ssm.settings.TrainingSettings;
import ssm.settings.UpdateRule;
import ssm.testing.GraphFixture;

/**
 * {@code training.classification-jitter} and {@code training.classification-zoom}: hand-computed
 * values, their draws, and that only a training step sees them ({@code
 * training.classification-flip}: {@link ClassificationFlipTest}).
 */
class ClassificationAugmentationTest {
  private static final float[] PIXELS = {0f, 0.25f, 0.5f, 1f, 0.25f, 0.64f, 1f, 0f};

  private static float[] run(GraphFixture g, Operand<TFloat32> op) {
    try (Result r = g.session().runner().fetch(op).run()) {
      return Tensors.toFloats(r.get(0));
    }
  }

  /** Test training settings with these classification augmentations. */
  static TrainingSettings settings(boolean flip, boolean jitter, boolean zoom) {
    return new TrainingSettings(
        Regime.FROZEN,
        UpdateRule.S_BACKBONE,
        1,
        1,
        1e-3,
        1e-3,
        1e-3,
        LrSchedule.CONSTANT,
        1e-3,
        flip,
        jitter,
        zoom,
        "",
        1,
        0,
        7,
        1,
        1,
        1);
  }

  @Test
  void jitterHandComputed() {
    try (GraphFixture g = new GraphFixture()) {
      Ops tf = g.context().ops();
      Operand<TFloat32> image = tf.constant(PIXELS);
      // gamma 2, contrast 0.8, brightness -0.1: (v^2 - 0.5) * 0.8 + 0.4
      assertArrayEquals(
          new float[] {0f, 0.05f, 0.2f, 0.8f, 0.05f, 0.32768f, 0.8f, 0f},
          run(
              g,
              ClassificationAugmentation.jittered(tf, image, c(tf, 2), c(tf, 0.8f), c(tf, -0.1f))),
          1e-6f);
      // gamma 0.5, contrast 1.5, brightness 0.1: (sqrt(v) - 0.5) * 1.5 + 0.6, clipped to [0, 1]
      assertArrayEquals(
          new float[] {0f, 0.6f, 0.91066f, 1f, 0.6f, 1f, 1f, 0f},
          run(
              g,
              ClassificationAugmentation.jittered(
                  tf, image, c(tf, 0.5f), c(tf, 1.5f), c(tf, 0.1f))),
          1e-4f);
    }
  }

  @Test
  void zoomHandComputed() {
    try (GraphFixture g = new GraphFixture()) {
      Ops tf = g.context().ops();
      // 3 x 3 slice, every channel 10 y + x: bilinear sampling of a linear ramp is exact.
      float[] ramp = new float[27];
      for (int i = 0; i < 27; i++) {
        ramp[i] = 10 * (i / 9) + (i / 3) % 3;
      }
      Operand<TFloat32> image = slice(tf, ramp, 3, 3);
      assertArrayEquals(
          ramp,
          run(
              g,
              ClassificationAugmentation.zoomed(tf, image, tf.constant(new float[] {0, 0, 1, 1}))),
          1e-5f,
          "the whole slice");
      // The top-left quarter window: rows and columns at 0, 0.5 and 1 of the original's pixels.
      float[] expected = new float[27];
      float[] values = {0, 0.5f, 1, 5, 5.5f, 6, 10, 10.5f, 11};
      for (int i = 0; i < 27; i++) {
        expected[i] = values[i / 3];
      }
      assertArrayEquals(
          expected,
          run(
              g,
              ClassificationAugmentation.zoomed(
                  tf, image, tf.constant(new float[] {0, 0, 0.5f, 0.5f}))),
          1e-5f);
    }
  }

  @Test
  void drawsStayWithinTheirBoundsAndFollowTheSeed() {
    try (GraphFixture g = new GraphFixture()) {
      Ops tf = g.context().ops();
      Set<String> jitters = new HashSet<>();
      Set<String> windows = new HashSet<>();
      for (long step = 0; step < 20; step++) {
        Operand<TInt64> seed = tf.constant(new long[] {7, step});
        float[] d = run(g, ClassificationAugmentation.jitterDraws(tf, seed));
        assertTrue(d[0] >= 1 / 1.5f - 1e-6 && d[0] <= 1.5f + 1e-6, "gamma " + d[0]);
        assertTrue(d[1] >= 1 / 1.5f - 1e-6 && d[1] <= 1.5f + 1e-6, "contrast " + d[1]);
        assertTrue(d[2] >= -0.1f - 1e-6 && d[2] <= 0.1f + 1e-6, "brightness " + d[2]);
        assertArrayEquals(d, run(g, ClassificationAugmentation.jitterDraws(tf, seed)), "same seed");
        float[] w = run(g, ClassificationAugmentation.zoomWindow(tf, seed));
        float side = w[2] - w[0];
        assertEquals(side, w[3] - w[1], 1e-6f, "one scale for both sides");
        assertTrue(side >= 0.7f - 1e-6 && side <= 1f, "side " + side);
        assertTrue(w[0] >= 0 && w[1] >= 0 && w[2] <= 1 + 1e-6 && w[3] <= 1 + 1e-6, "inside");
        jitters.add(Arrays.toString(d));
        windows.add(Arrays.toString(w));
      }
      assertEquals(20, jitters.size(), "each step draws its own jitter");
      assertEquals(20, windows.size(), "each step draws its own window");
    }
  }

  @Test
  void onlyATrainingStepSeesItsDraws() {
    try (GraphFixture g = new GraphFixture()) {
      Ops tf = g.context().ops();
      float[] slice = new float[4 * 5 * 3];
      for (int i = 0; i < slice.length; i++) {
        slice[i] = (i % 7) / 7f;
      }
      Operand<TFloat32> image = slice(tf, slice, 4, 5);
      Operand<TInt64> seed = tf.constant(new long[] {7, 3});
      Operand<TBool> yes = tf.constant(true);
      Operand<TBool> no = tf.constant(false);
      float[] d = run(g, ClassificationAugmentation.jitterDraws(tf, seed));
      Operand<TFloat32> zoomed =
          ClassificationAugmentation.zoomed(
              tf, image, ClassificationAugmentation.zoomWindow(tf, seed));
      float[] both =
          run(
              g,
              ClassificationAugmentation.jittered(
                  tf, zoomed, c(tf, d[0]), c(tf, d[1]), c(tf, d[2])));
      assertArrayEquals(
          both,
          run(
              g,
              ClassificationAugmentation.apply(tf, settings(false, true, true), image, yes, seed)));
      assertArrayEquals(
          run(g, zoomed),
          run(
              g,
              ClassificationAugmentation.apply(
                  tf, settings(false, false, true), image, yes, seed)));
      assertArrayEquals(
          slice,
          run(
              g,
              ClassificationAugmentation.apply(tf, settings(false, true, true), image, no, seed)));
      assertArrayEquals(
          slice,
          run(
              g,
              ClassificationAugmentation.apply(
                  tf, settings(false, false, false), image, yes, seed)));
    }
  }

  private static Operand<TFloat32> slice(Ops tf, float[] values, int h, int w) {
    return tf.reshape(tf.constant(values), tf.constant(new int[] {h, w, 3}));
  }

  private static Operand<TFloat32> c(Ops tf, float v) {
    return tf.constant(v);
  }
}
