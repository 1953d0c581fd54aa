package ssm.predict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import ssm.metrics.Rle;

/** Hand-computed matches on a 10 x 20 slice of rectangles (IoU = shared pixels / union). */
class TruthMatchTest {
  private static final int H = 10;
  private static final int W = 20;

  /** The rectangle of columns x1..x2-1 and rows y1..y2-1. */
  private static Rle rect(int x1, int y1, int x2, int y2) {
    boolean[] m = new boolean[H * W];
    for (int y = y1; y < y2; y++) {
      for (int x = x1; x < x2; x++) {
        m[y * W + x] = true;
      }
    }
    return Rle.encode(m, H, W);
  }

  private static Lesion detection(float score, int x1, int y1, int x2, int y2) {
    return new Lesion(new float[] {x1, y1, x2, y2}, score, rect(x1, y1, x2, y2));
  }

  private static TruthLesion lesion(int x1, int y1, int x2, int y2) {
    return new TruthLesion(
        new float[] {x1, y1, x2, y2}, (x2 - x1) * (y2 - y1), rect(x1, y1, x2, y2));
  }

  @Test
  void twoDetectionsCompetingForOneLesionTheHigherScoreTakesIt() {
    // lesion 4x4 = 16 px; the 0.9 detection covers its top 3 rows (12 px, IoU 0.75), the 0.8 one
    // is the lesion itself (IoU 1): score order decides, even listed after and fitting worse
    TruthLesion gt = lesion(0, 0, 4, 4);
    TruthMatch m =
        TruthMatch.of(
            List.of(detection(0.8f, 0, 0, 4, 4), detection(0.9f, 0, 0, 4, 3)), List.of(gt));
    TruthMatch.Instance i = m.instances().get(0);
    assertTrue(i.found());
    assertEquals(1, i.detection());
    assertEquals(0.9f, i.score());
    assertEquals(0.75, i.iou(), 1e-12);
    assertEquals(1, m.found());
    assertEquals(1, m.lesions());
  }

  @Test
  void anIouOfExactlyHalfCountsJustBelowDoesNot() {
    // lesion 4x4 = 16 px; a detection of its top 2 rows: 8 / 16 = 0.5; of 2x3: 6 / 16 = 0.375
    TruthMatch half =
        TruthMatch.of(List.of(detection(0.9f, 0, 0, 4, 2)), List.of(lesion(0, 0, 4, 4)));
    assertTrue(half.instances().get(0).found());
    assertEquals(0.5, half.instances().get(0).iou(), 0);
    TruthMatch less =
        TruthMatch.of(List.of(detection(0.9f, 0, 0, 3, 2)), List.of(lesion(0, 0, 4, 4)));
    assertFalse(less.instances().get(0).found());
    assertEquals(0, less.found());
  }

  @Test
  void aLesionNoDetectionOverlapsIsMissed() {
    TruthMatch m =
        TruthMatch.of(
            List.of(detection(0.9f, 0, 0, 4, 4)),
            List.of(lesion(0, 0, 4, 4), lesion(10, 0, 14, 4)));
    assertTrue(m.instances().get(0).found());
    TruthMatch.Instance missed = m.instances().get(1);
    assertFalse(missed.found());
    assertEquals(-1, missed.detection());
    assertTrue(Float.isNaN(missed.score()) && Double.isNaN(missed.iou()));
    assertEquals(1, m.found());
    assertEquals(2, m.lesions());
  }

  @Test
  void aDetectionTakesItsBestLesionAndAMatchedLesionIsNotTakenTwice() {
    // a = cols 0-3 (16 px), b = cols 4-5 (8 px), rows 0-3. The 0.9 detection, cols 0-5 (24 px),
    // has IoU 16/24 with a and 8/24 with b: it takes a. The 0.8 detection is a itself (IoU 1) but a
    // is taken, and it does not overlap b: b is missed, one detection per lesion.
    TruthLesion a = lesion(0, 0, 4, 4);
    TruthLesion b = lesion(4, 0, 6, 4);
    TruthMatch m =
        TruthMatch.of(
            List.of(detection(0.9f, 0, 0, 6, 4), detection(0.8f, 0, 0, 4, 4)), List.of(a, b));
    assertEquals(0, m.instances().get(0).detection());
    assertEquals(16 / 24.0, m.instances().get(0).iou(), 1e-12);
    assertFalse(m.instances().get(1).found());
    assertEquals(1, m.found());
  }

  @Test
  void noDetectionsOrNoLesions() {
    assertEquals(0, TruthMatch.of(List.of(), List.of(lesion(0, 0, 4, 4))).found());
    assertEquals(0, TruthMatch.of(List.of(detection(0.9f, 0, 0, 4, 4)), List.of()).lesions());
  }
}
