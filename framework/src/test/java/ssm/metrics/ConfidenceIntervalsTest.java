package ssm.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import ssm.metrics.CocoEvaluator.IouType;
import ssm.metrics.ConfidenceIntervals.Interval;

class ConfidenceIntervalsTest {
  private static final List<CocoCategory> ONE_CATEGORY =
      List.of(new CocoCategory(1, "lesion", null));

  @Test
  void wilsonIntervalsComputedByHand() {
    // 7 of 10: p = 0.7, z^2 = 3.841459; centre 0.7 + z^2/20 = 0.892073;
    // half z * sqrt(0.021 + z^2/400) = 0.342874; divided by 1 + z^2/10 = 1.384146
    Interval i = ConfidenceIntervals.wilson(7, 10);
    assertEquals(0.39678, i.low(), 1e-5);
    assertEquals(0.89221, i.high(), 1e-5);
    // 0 of 10: [0, 2 * 0.192073 / 1.384146]
    Interval none = ConfidenceIntervals.wilson(0, 10);
    assertEquals(0.0, none.low(), 1e-12);
    assertEquals(0.27753, none.high(), 1e-5);
    // 30 of 60: symmetric about 1/2, half-width z * sqrt(0.25/60 + z^2/14400) / (1 + z^2/60)
    Interval half = ConfidenceIntervals.wilson(30, 60);
    assertEquals(0.5, (half.low() + half.high()) / 2, 1e-12);
    assertEquals(0.37735, half.low(), 1e-5);
    assertFalse(ConfidenceIntervals.wilson(0, 0).defined());
  }

  @Test
  void percentilesInterpolateLinearly() {
    double[] v = new double[101];
    for (int i = 0; i <= 100; i++) {
      v[100 - i] = i; // order does not matter
    }
    Interval i = ConfidenceIntervals.percentiles(v);
    assertEquals(2.5, i.low(), 1e-12); // position 0.025 * 100
    assertEquals(97.5, i.high(), 1e-12);
  }

  @Test
  void paperApOfLesionFreeSlicesIsOneInEveryDraw() {
    // two empty slices (scored 1), one with gt and no prediction (skipped): every draw with a
    // scored slice averages 1, draws of only skipped slices are left out
    List<PaperAp.Image> images =
        List.of(
            new PaperAp.Image(List.of(), List.of()),
            new PaperAp.Image(List.of(), List.of()),
            new PaperAp.Image(List.of(new PaperAp.GroundTruth(1, square(8, 2, 2, 3))), List.of()));
    Interval i = ConfidenceIntervals.paperAp50(images);
    assertEquals(1.0, i.low(), 0);
    assertEquals(1.0, i.high(), 0);
  }

  @Test
  void cocoBootstrapBracketsTheEstimateAndIsDeterministic() {
    // 20 images, one gt box each; the detection hits on the even ones only: AP50 about 0.5
    List<CocoImage> images = new ArrayList<>();
    List<CocoAnnotation> gt = new ArrayList<>();
    List<CocoDetection> dt = new ArrayList<>();
    for (int k = 1; k <= 20; k++) {
      images.add(new CocoImage(k, 64, 64, null));
      gt.add(new CocoAnnotation(k, k, 1, null, new double[] {10, 10, 20, 20}, 400, false));
      double x = k % 2 == 0 ? 10 : 40;
      dt.add(new CocoDetection(k, 1, 0.9, null, new double[] {x, 10, 20, 20}));
    }
    CocoDataset data = new CocoDataset(images, gt, ONE_CATEGORY);
    double ap50 = CocoEvaluator.evaluate(data, dt, IouType.BBOX).stats().ap50();
    Interval i = ConfidenceIntervals.cocoAp50(data, dt, IouType.BBOX, 100);
    assertTrue(i.low() < ap50 && ap50 < i.high(), i + " around " + ap50);
    assertTrue(i.low() > 0.1 && i.high() < 0.9, i.toString());
    assertEquals(i, ConfidenceIntervals.cocoAp50(data, dt, IouType.BBOX, 100));
  }

  private static Rle square(int size, int cx, int cy, int r) {
    byte[] m = new byte[size * size];
    for (int y = Math.max(0, cy - r); y < Math.min(size, cy + r); y++) {
      for (int x = Math.max(0, cx - r); x < Math.min(size, cx + r); x++) {
        m[y * size + x] = 1;
      }
    }
    return Rle.encode(m, size, size);
  }
}
