package ssm.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LesionAreaMetricsTest {
  private static final double EPS = 1e-12;

  /** A 4x4 mask drawn as four rows of {@code X} (set) and {@code .} (clear). */
  private static Rle draw(String... rows) {
    byte[] m = new byte[16];
    for (int y = 0; y < 4; y++) {
      for (int x = 0; x < 4; x++) {
        m[y * 4 + x] = (byte) (rows[y].charAt(x) == 'X' ? 1 : 0);
      }
    }
    return Rle.encode(m, 4, 4);
  }

  // slice A: truth the top-left 2x2 square; detections row 0 (0.9), the right column's top two
  // pixels (0.6, one of them shared with row 0) and row 3 (0.3, below the threshold)
  private static final Rle A_TRUTH = draw("XX..", "XX..", "....", "....");
  private static final Rle A_ROW0 = draw("XXXX", "....", "....", "....");
  private static final Rle A_RIGHT = draw("...X", "...X", "....", "....");
  private static final Rle A_ROW3 = draw("....", "....", "....", "XXXX");
  // slice C: truth row 3, detection its left half; slice D: no lesion, a one-pixel detection
  private static final Rle C_TRUTH = draw("....", "....", "....", "XXXX");
  private static final Rle C_LEFT = draw("....", "....", "....", "XX..");
  private static final Rle D_DOT = draw("....", "....", "..X.", "....");

  @Test
  void countsOneSliceFromTheUnions() {
    // prediction = row 0 + (1, 3): 5 pixels; TP (0,0), (0,1); FP 3; FN (1,0), (1,1); TN 16 - 7
    LesionAreaMetrics.Counts c =
        LesionAreaMetrics.count(List.of(A_TRUTH), List.of(A_ROW0, A_RIGHT), 4, 4);
    assertEquals(new LesionAreaMetrics.Counts(2, 3, 2, 9), c);
    assertEquals(4.0 / 9, c.dice(), EPS);
    assertEquals(0.5, c.sensitivity(), EPS);
    assertEquals(0.75, c.specificity(), EPS);
  }

  @Test
  void emptyTruthAndPredictionLeaveDiceAndSensitivityUndefined() {
    LesionAreaMetrics.Counts c = LesionAreaMetrics.count(List.of(), List.of(), 4, 4);
    assertEquals(new LesionAreaMetrics.Counts(0, 0, 0, 16), c);
    assertTrue(Double.isNaN(c.dice()));
    assertTrue(Double.isNaN(c.sensitivity()));
    assertEquals(1.0, c.specificity(), EPS);
    // a prediction on a slice without lesions: Dice 0
    assertEquals(0.0, LesionAreaMetrics.count(List.of(), List.of(D_DOT), 4, 4).dice(), EPS);
  }

  /** Slices A (two detections kept, one below 0.5), B (empty), C (half found), D (false dot). */
  private static CocoDataset groundTruth() {
    List<CocoImage> images = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      images.add(new CocoImage(i, 4, 4, "s" + i + ".png"));
    }
    return new CocoDataset(
        images,
        List.of(annotation(1, 1, A_TRUTH), annotation(2, 3, C_TRUTH)),
        List.of(new CocoCategory(1, "lesion", "lesion")));
  }

  private static CocoAnnotation annotation(long id, long image, Rle m) {
    return new CocoAnnotation(
        id, image, 1, new CocoSegmentation.RleMask(m), m.toBbox(), m.area(), false);
  }

  private static List<CocoDetection> detections() {
    return List.of(
        CocoDetection.ofMask(1, 1, 0.9, A_ROW0, true),
        CocoDetection.ofMask(1, 1, 0.6, A_RIGHT, true),
        CocoDetection.ofMask(1, 1, 0.3, A_ROW3, true),
        CocoDetection.ofMask(3, 1, 0.8, C_LEFT, true),
        CocoDetection.ofMask(4, 1, 0.7, D_DOT, true));
  }

  @Test
  void meansAndPooledFiguresOverFourSlices() {
    // per slice (TP, FP, FN, TN): A (2, 3, 2, 9), B (0, 0, 0, 16), C (2, 0, 2, 12), D (0, 1, 0, 15)
    LesionAreaMetrics.Result r = LesionAreaMetrics.of(groundTruth(), detections(), 0.5);
    assertEquals(4, r.slices());
    assertEquals(1, r.bothEmpty());
    // Dice A 4/9, C 4/6, D 0 (B left out): 10/27
    assertEquals(10.0 / 27, r.dice().value(), EPS);
    assertEquals(3, r.dice().slices());
    // sensitivity A 2/4, C 2/4
    assertEquals(0.5, r.sensitivity().value(), EPS);
    assertEquals(2, r.sensitivity().slices());
    // specificity A 9/12, B 1, C 1, D 15/16
    assertEquals((0.75 + 1 + 1 + 15.0 / 16) / 4, r.specificity().value(), EPS);
    assertEquals(4, r.specificity().slices());
    // pooled TP 4, FP 4, FN 4, TN 52: Dice 8/16, sensitivity 4/8, specificity 52/56
    assertEquals(new LesionAreaMetrics.Counts(4, 4, 4, 52), r.pooled());
    assertEquals(0.5, r.pooledDice(), EPS);
    assertEquals(0.5, r.pooledSensitivity(), EPS);
    assertEquals(52.0 / 56, r.pooledSpecificity(), EPS);
  }

  @Test
  void theThresholdDecidesWhichDetectionsCount() {
    // at 0 slice A's row 3 joins: prediction 9 pixels, TP 2, FP 7, FN 2, TN 5
    LesionAreaMetrics.Result r = LesionAreaMetrics.of(groundTruth(), detections(), 0.0);
    assertEquals(new LesionAreaMetrics.Counts(4, 8, 4, 48), r.pooled());
    // at 0.95 nothing counts: every slice's prediction is empty, B and D have nothing at all
    LesionAreaMetrics.Result none = LesionAreaMetrics.of(groundTruth(), detections(), 0.95);
    assertEquals(new LesionAreaMetrics.Counts(0, 0, 8, 56), none.pooled());
    assertEquals(2, none.bothEmpty());
    assertEquals(0.0, none.dice().value(), EPS);
    assertEquals(2, none.dice().slices());
  }

  @Test
  void jsonWritesUndefinedFiguresAsNull() {
    LesionAreaMetrics.Result r =
        LesionAreaMetrics.of(List.of(new LesionAreaMetrics.Counts(0, 0, 0, 16)), 0.5);
    Map<String, Object> j = r.toJson();
    assertNull(j.get("dice"));
    assertEquals(0, j.get("dice_slices"));
    assertEquals(1, j.get("both_empty"));
    assertEquals(1.0, j.get("specificity"));
    @SuppressWarnings("unchecked")
    Map<String, Object> pooled = (Map<String, Object>) j.get("pooled");
    assertNull(pooled.get("sensitivity"));
    assertEquals(16L, pooled.get("tn"));
  }

  @Test
  void rejectsAThresholdOutsideZeroToOneAndAMaskOfAnotherSize() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> LesionAreaMetrics.of(groundTruth(), detections(), 1.5));
    assertTrue(e.getMessage().contains("1.5"), e.getMessage());
    Rle small = Rle.encode(new byte[4], 2, 2);
    assertThrows(
        IllegalArgumentException.class,
        () -> LesionAreaMetrics.count(List.of(small), List.of(), 4, 4));
  }
}
