package ssm.box;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import ssm.testing.GraphFixture;

class RoiAlignTest {
  /**
   * torchvision's roi_align CPU kernel (aligned=False), transcribed in float32: NHWC features of
   * one image, boxes x1, y1, x2, y2; returns [N, out, out, C] row-major.
   */
  static float[] bruteForce(
      float[] f, int h, int w, int c, float[] boxes, float scale, int out, int ratio) {
    int n = boxes.length / 4;
    float[] result = new float[n * out * out * c];
    for (int r = 0; r < n; r++) {
      float startW = boxes[4 * r] * scale;
      float startH = boxes[4 * r + 1] * scale;
      float endW = boxes[4 * r + 2] * scale;
      float endH = boxes[4 * r + 3] * scale;
      float roiW = Math.max(endW - startW, 1f);
      float roiH = Math.max(endH - startH, 1f);
      float binH = roiH / out;
      float binW = roiW / out;
      float count = Math.max(ratio * ratio, 1);
      for (int ph = 0; ph < out; ph++) {
        for (int pw = 0; pw < out; pw++) {
          for (int ch = 0; ch < c; ch++) {
            float sum = 0;
            for (int iy = 0; iy < ratio; iy++) {
              float y = startH + ph * binH + (iy + .5f) * binH / ratio;
              for (int ix = 0; ix < ratio; ix++) {
                float x = startW + pw * binW + (ix + .5f) * binW / ratio;
                sum += bilinear(f, h, w, c, ch, y, x);
              }
            }
            result[((r * out + ph) * out + pw) * c + ch] = sum / count;
          }
        }
      }
    }
    return result;
  }

  static float bilinear(float[] f, int h, int w, int c, int ch, float y, float x) {
    if (y < -1.0 || y > h || x < -1.0 || x > w) {
      return 0;
    }
    if (y <= 0) {
      y = 0;
    }
    if (x <= 0) {
      x = 0;
    }
    int yLow = (int) y;
    int xLow = (int) x;
    int yHigh;
    int xHigh;
    if (yLow >= h - 1) {
      yHigh = yLow = h - 1;
      y = yLow;
    } else {
      yHigh = yLow + 1;
    }
    if (xLow >= w - 1) {
      xHigh = xLow = w - 1;
      x = xLow;
    } else {
      xHigh = xLow + 1;
    }
    float ly = y - yLow;
    float lx = x - xLow;
    float hy = 1f - ly;
    float hx = 1f - lx;
    return hy * hx * f[(yLow * w + xLow) * c + ch]
        + hy * lx * f[(yLow * w + xHigh) * c + ch]
        + ly * hx * f[(yHigh * w + xLow) * c + ch]
        + ly * lx * f[(yHigh * w + xHigh) * c + ch];
  }

  private static float[] align(
      float[] f, int h, int w, int c, float[] boxes, float scale, int out, int ratio) {
    try (GraphFixture g = new GraphFixture()) {
      return g.run(
          tf ->
              RoiAlign.align(
                  tf,
                  g.constant(f, 1, h, w, c),
                  g.constant(boxes, boxes.length / 4, 4),
                  scale,
                  out,
                  ratio));
    }
  }

  private static float maxAbsDiff(float[] a, float[] b) {
    assertEquals(a.length, b.length);
    float m = 0;
    for (int i = 0; i < a.length; i++) {
      m = Math.max(m, Math.abs(a[i] - b[i]));
    }
    return m;
  }

  private static float[] random(Random random, int n, float lo, float hi) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = lo + random.nextFloat() * (hi - lo);
    }
    return v;
  }

  @Test
  void constantMapByHand() {
    // a constant map of 3s, box well inside: every sample is 3, so every bin is 3.
    // Box [0,0,64,64] at scale 1/16 covers cells 0..4 of a 5x5 map; the last samples lie in
    // [3, 4] and snap to row/column 4 (still 3).
    float[] f = new float[5 * 5];
    java.util.Arrays.fill(f, 3f);
    float[] got = align(f, 5, 5, 1, new float[] {0, 0, 64, 64}, 1f / 16, 2, 2);
    assertArrayEquals(new float[] {3, 3, 3, 3}, got, 1e-6f);
  }

  @Test
  void samplesFarOutsideCountAsZeroInTheMean() {
    // constant 1 map 4x4, scale 1, output 1, ratio 2, box x in [-6, 2], y in [0, 4]:
    // bin 8 wide; x samples at -6 + 2 = -4 (zero: x < -1) and -6 + 6 = 0 (inside);
    // y samples at 1 and 3 (inside). Mean = (0 + 1 + 0 + 1) / 4 = 0.5
    float[] f = new float[16];
    java.util.Arrays.fill(f, 1f);
    assertArrayEquals(
        new float[] {0.5f}, align(f, 4, 4, 1, new float[] {-6, 0, 2, 4}, 1f, 1, 2), 1e-6f);
  }

  @Test
  void samplesJustOutsideAreClampedAndSnapped() {
    // 2 x 2 map [[0, 1], [2, 3]], scale 1, output 1, ratio 2, box [-1.5, -1.5, 2.5, 2.5]:
    // roi 4, bin 4, samples at -1.5 + 1 = -0.5 (in [-1, 0): clamped to 0) and -1.5 + 3 = 1.5
    // (floor 1 >= H - 1: snapped to 1) per axis -> the four corners 0, 1, 2, 3, mean 1.5.
    float[] got =
        align(new float[] {0, 1, 2, 3}, 2, 2, 1, new float[] {-1.5f, -1.5f, 2.5f, 2.5f}, 1f, 1, 2);
    assertArrayEquals(new float[] {1.5f}, got, 1e-6f);
  }

  @Test
  void matchesBruteForceOnRandomBoxes() {
    // non-square 9 x 13 map, 3 channels, stride 4 (scale 1/4): image 36 x 52 pixels.
    Random random = new Random(42);
    int h = 9;
    int w = 13;
    int c = 3;
    float scale = 0.25f;
    float[] f = random(random, h * w * c, -1, 1);
    float[] special = {
      4, 4, 20, 28, // inside
      -10, -6, 12, 10, // partly outside, top-left (samples in [-1, 0) get clamped)
      40, 30, 60, 44, // partly outside, bottom-right (snap and zero)
      -60, -40, -20, -10, // wholly outside, above-left: all zeros
      70, 50, 90, 70, // wholly outside, below-right
      10, 10, 11, 10.5f, // smaller than one feature cell: forced to 1 x 1 cells
      0, 0, 52, 36, // the whole image: last samples in the last row/column
      44, 28, 52, 36, // touching the last row and column
      -4, -4, 56, 40, // one cell beyond every edge: samples in [-1, 0) and (H-1, H]
      20, 8, 20, 8, // zero-size box
    };
    int n = 200;
    float[] boxes = new float[special.length + 4 * n];
    System.arraycopy(special, 0, boxes, 0, special.length);
    for (int i = 0; i < n; i++) {
      float x1 = -20 + random.nextFloat() * 80;
      float y1 = -16 + random.nextFloat() * 60;
      int k = special.length + 4 * i;
      boxes[k] = x1;
      boxes[k + 1] = y1;
      boxes[k + 2] = x1 + random.nextFloat() * 40;
      boxes[k + 3] = y1 + random.nextFloat() * 30;
    }
    for (int out : new int[] {7, 14}) {
      float[] expected = bruteForce(f, h, w, c, boxes, scale, out, 2);
      float diff = maxAbsDiff(expected, align(f, h, w, c, boxes, scale, out, 2));
      System.out.println(
          "RoIAlign vs brute force, 9x13 map, output " + out + ": max abs diff " + diff);
      assertTrue(diff <= 1e-5f, "output " + out + ": max abs diff " + diff);
    }
    // sampling ratios 1 and 3 go through the same construction
    for (int ratio : new int[] {1, 3}) {
      float diff =
          maxAbsDiff(
              bruteForce(f, h, w, c, boxes, scale, 7, ratio),
              align(f, h, w, c, boxes, scale, 7, ratio));
      System.out.println("RoIAlign vs brute force, ratio " + ratio + ": max abs diff " + diff);
      assertTrue(diff <= 1e-5f, "ratio " + ratio + ": max abs diff " + diff);
    }
  }

  @Test
  void matchesBruteForceOnTheModelsMap() {
    // The SSM's case: 32 x 32 map, stride 16, boxes anywhere in (and a bit beyond) 512 x 512.
    // CropAndResize recomputes each sample position from the normalised box in float32, so it
    // differs from torchvision's own float32 positions by a few ulp of ~33 (~4e-6 cells); the
    // output difference is that times the local feature difference between neighbouring cells
    // (features in [-1, 1]: <= 1e-5; in [-3, 3] it reached 1.8e-5).
    Random random = new Random(3);
    int c = 4;
    float[] f = random(random, 32 * 32 * c, -1, 1);
    float[] boxes = new float[4 * 300];
    for (int i = 0; i < 300; i++) {
      float x1 = -40 + random.nextFloat() * 560;
      float y1 = -40 + random.nextFloat() * 560;
      boxes[4 * i] = x1;
      boxes[4 * i + 1] = y1;
      boxes[4 * i + 2] = x1 + random.nextFloat() * 200;
      boxes[4 * i + 3] = y1 + random.nextFloat() * 200;
    }
    float diff =
        maxAbsDiff(
            bruteForce(f, 32, 32, c, boxes, 1f / 16, 7, 2),
            align(f, 32, 32, c, boxes, 1f / 16, 7, 2));
    System.out.println("RoIAlign vs brute force, 32x32 map: max abs diff " + diff);
    assertTrue(diff <= 1e-5f, "max abs diff " + diff);
  }

  @Test
  void noBoxesGiveAnEmptyBatch() {
    try (GraphFixture g = new GraphFixture()) {
      Operand<TFloat32> pooled =
          RoiAlign.align(
              g.tf(),
              g.constant(new float[2 * 3 * 5], 1, 2, 3, 5),
              g.constant(new float[0], 0, 4),
              0.5f,
              7,
              2);
      assertArrayEquals(new long[] {0, 7, 7, 5}, g.fetchShape(pooled));
    }
  }

  @Test
  void gradientFlowsToTheFeatures() {
    // Sum of a 1x1 output over a box inside a 4x4 map, scale 1, ratio 2: box [0,0,2,2] samples
    // at 0.5 and 1.5 per axis; d(sum)/d(feature) = 1/4 * bilinear weights: cells (0..2, 0..2) get
    // (1/4) * (0.5, 1, 0.5) x (0.5, 1, 0.5) summing to 1 overall.
    try (GraphFixture g = new GraphFixture()) {
      Ops tf = g.tf();
      Operand<TFloat32> f = g.constant(new float[16], 1, 4, 4, 1);
      Operand<TFloat32> boxes = g.boxes(0, 0, 2, 2);
      Operand<TFloat32> sum =
          tf.reduceSum(RoiAlign.align(tf, f, boxes, 1f, 1, 2), tf.constant(new int[] {0, 1, 2, 3}));
      var grads = tf.gradients(sum, List.of(f));
      float[] d = g.fetchFloats(grads.dy(0));
      float[] expected = {
        1f / 16, 1f / 8, 1f / 16, 0, 1f / 8, 1f / 4, 1f / 8, 0, 1f / 16, 1f / 8, 1f / 16, 0, 0, 0,
        0, 0
      };
      assertArrayEquals(expected, d, 1e-6f);
    }
  }
}
