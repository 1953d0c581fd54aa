package ssm.box;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import ssm.testing.GraphFixture;

class NmsTest {
  private static int[] nms(float[] boxes, float[] scores, float threshold, int label, int max) {
    try (GraphFixture g = new GraphFixture()) {
      Ops tf = g.tf();
      Operand<TFloat32> b = g.constant(boxes, boxes.length / 4, 4);
      return g.fetchInts(
          Nms.batched(tf, b, g.constant(scores, scores.length), label, threshold, max));
    }
  }

  @Test
  void keepsInDecreasingScoreOrderAndSuppressesOverlaps() {
    // box 0 [0,0,10,10] and box 1 [1,0,11,10]: overlap 9 x 10 = 90, union 110, IoU 0.818 > 0.5;
    // box 2 [20,20,30,30] is disjoint. Scores 0.6, 0.9, 0.7 -> 1 kept first, 0 suppressed, then 2.
    int[] keep =
        nms(
            new float[] {0, 0, 10, 10, 1, 0, 11, 10, 20, 20, 30, 30},
            new float[] {0.6f, 0.9f, 0.7f},
            0.5f,
            1,
            100);
    assertArrayEquals(new int[] {1, 2}, keep);
  }

  @Test
  void suppressesOnlyStrictlyAboveTheThreshold() {
    // [0,0,4,1] vs [0,0,2,1]: areas 4 and 2, inter 2, union 4 + 2 - 2 = 4 -> IoU 0.5 exactly.
    float[] boxes = {0, 0, 4, 1, 0, 0, 2, 1};
    float[] scores = {0.9f, 0.8f};
    assertArrayEquals(new int[] {0, 1}, nms(boxes, scores, 0.5f, 0, 10)); // 0.5 > 0.5 is false
    assertArrayEquals(new int[] {0}, nms(boxes, scores, 0.4999f, 0, 10));
  }

  @Test
  void zeroAreaBoxesNeverSuppressNorAreSuppressed() {
    // zero-height [-3,0,3,0] twice (identical) and a square through them: IoUs are 0 (or 0/0).
    float[] boxes = {-3, 0, 3, 0, -3, 0, 3, 0, -1, -1, 1, 1};
    assertArrayEquals(new int[] {0, 1, 2}, nms(boxes, new float[] {0.9f, 0.8f, 0.7f}, 0.1f, 0, 10));
  }

  @Test
  void tiesKeepTheLowerIndexFirst() {
    // three disjoint boxes with equal scores: order 0, 1, 2 (stable sort in torchvision);
    // two identical boxes with equal scores: the lower index survives.
    float[] disjoint = {0, 0, 1, 1, 5, 5, 6, 6, 10, 10, 11, 11};
    assertArrayEquals(
        new int[] {0, 1, 2}, nms(disjoint, new float[] {0.5f, 0.5f, 0.5f}, 0.5f, 1, 10));
    float[] same = {7, 7, 9, 9, 0, 0, 1, 1, 7, 7, 9, 9};
    assertArrayEquals(new int[] {0, 1}, nms(same, new float[] {0.5f, 0.5f, 0.5f}, 0.5f, 1, 10));
  }

  @Test
  void maxOutputTruncates() {
    float[] disjoint = {0, 0, 1, 1, 5, 5, 6, 6, 10, 10, 11, 11};
    assertArrayEquals(new int[] {2, 0}, nms(disjoint, new float[] {0.5f, 0.1f, 0.9f}, 0.5f, 1, 2));
  }

  @Test
  void emptyInputGivesEmptyOutput() {
    assertArrayEquals(new int[0], nms(new float[0], new float[0], 0.5f, 1, 10));
  }

  @Test
  void coordinateTrickShiftChangesIousInTheLastBits() {
    // The trick (N * 4 <= 4000) shifts by label * (max + 1). Find a pair whose IoU is above the
    // threshold in the shifted frame but not in the original one, or vice versa, by brute force
    // in float32, then check that NMS follows the shifted frame.
    float[] pair = findPairFlippedByShift(0.5f, 1);
    float[] scores = {0.9f, 0.8f};
    boolean suppressedShifted = iou(shift(pair, 1)) > 0.5f;
    int[] expected = suppressedShifted ? new int[] {0} : new int[] {0, 1};
    assertArrayEquals(expected, nms(pair, scores, 0.5f, 1, 10));
    // label 0 means no shift: the opposite decision
    int[] unshifted = suppressedShifted ? new int[] {0, 1} : new int[] {0};
    assertArrayEquals(unshifted, nms(pair, scores, 0.5f, 0, 10));
  }

  @Test
  void plainNmsAboveOneThousandBoxes() {
    // 1001 boxes (numel 4004 > 4000): no shift. Box 0 and 1 are the flipped pair, the other 999
    // are far-away disjoint unit squares with low scores.
    float[] pair = findPairFlippedByShift(0.5f, 1);
    int n = 1001;
    float[] boxes = new float[4 * n];
    float[] scores = new float[n];
    System.arraycopy(pair, 0, boxes, 0, 8);
    scores[0] = 0.9f;
    scores[1] = 0.8f;
    for (int i = 2; i < n; i++) {
      float x = 100 + 3 * (i % 40);
      float y = 100 + 3 * (i / 40);
      System.arraycopy(new float[] {x, y, x + 1, y + 1}, 0, boxes, 4 * i, 4);
      scores[i] = 0.5f - i * 1e-4f;
    }
    int[] keep = nms(boxes, scores, 0.5f, 1, 2);
    boolean suppressedPlain = iou(pair) > 0.5f;
    assertArrayEquals(suppressedPlain ? new int[] {0, 2} : new int[] {0, 1}, keep);
  }

  @Test
  void matchesReferenceClassifierBranchUnitCase() {
    // Golden numbers: unit_cases.prepare_roi_batch_padding. The class-1 deltas (columns 4..7)
    // decoded against the proposals with weights (10, 10, 5, 5) and clipped to 512 x 512 are
    // nms_boxes; batched NMS at 0.75 with label 1 (coordinate trick, 24 boxes) keeps
    // nms_keep_post_area_filter, in that order.
    com.fasterxml.jackson.databind.JsonNode u =
        ssm.testing.ReferenceFixture.expected().get("unit_cases").get("prepare_roi_batch_padding");
    float[] proposals = ssm.testing.ReferenceFixture.floats(u.get("inputs").get("proposals"));
    float[] regression = ssm.testing.ReferenceFixture.floats(u.get("inputs").get("box_regression"));
    int n = proposals.length / 4;
    float[] lesionDeltas = new float[4 * n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(regression, 8 * i + 4, lesionDeltas, 4 * i, 4);
    }
    float[] nmsBoxes = ssm.testing.ReferenceFixture.floats(u.get("nms_boxes"));
    float[] nmsScores = ssm.testing.ReferenceFixture.floats(u.get("nms_scores"));
    try (GraphFixture g = new GraphFixture()) {
      Ops tf = g.tf();
      Operand<TFloat32> decoded =
          new BoxCoder(10, 10, 5, 5)
              .decode(tf, g.constant(lesionDeltas, n, 4), g.constant(proposals, n, 4));
      float[] clipped = g.fetchFloats(Boxes.clip(tf, decoded, tf.constant(512), tf.constant(512)));
      assertArrayEquals(nmsBoxes, clipped, 1e-3f);
      int[] keep =
          g.fetchInts(
              Nms.batched(
                  tf, g.constant(nmsBoxes, n, 4), g.constant(nmsScores, n), 1, 0.75f, 1000));
      assertArrayEquals(
          ssm.testing.ReferenceFixture.ints(u.get("nms_keep_post_area_filter")), keep);
    }
  }

  private static float[] shift(float[] boxes, int label) {
    float max = Float.NEGATIVE_INFINITY;
    for (float v : boxes) {
      max = Math.max(max, v);
    }
    float offset = label * (max + 1f);
    float[] out = boxes.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] += offset;
    }
    return out;
  }

  /** IoU of boxes 0 and 1, float32, as torchvision's NMS kernel computes it. */
  private static float iou(float[] b) {
    float a0 = (b[2] - b[0]) * (b[3] - b[1]);
    float a1 = (b[6] - b[4]) * (b[7] - b[5]);
    float w = Math.max(0f, Math.min(b[2], b[6]) - Math.max(b[0], b[4]));
    float h = Math.max(0f, Math.min(b[3], b[7]) - Math.max(b[1], b[5]));
    float inter = w * h;
    return inter / (a0 + a1 - inter);
  }

  private static float[] findPairFlippedByShift(float threshold, int label) {
    java.util.Random random = new java.util.Random(7);
    for (int trial = 0; trial < 10_000_000; trial++) {
      float x = random.nextFloat() * 400;
      float y = random.nextFloat() * 400;
      float w = 10 + random.nextFloat() * 90;
      float h = 10 + random.nextFloat() * 90;
      // second box: same size, shifted right by ~w/3: overlap 2w/3, union 4w/3 -> IoU ~ 0.5
      float dx = w / 3f * (1 + (random.nextFloat() - 0.5f) * 1e-4f);
      float[] pair = {x, y, x + w, y + h, x + dx, y, x + dx + w, y + h};
      if ((iou(pair) > threshold) != (iou(shift(pair, label)) > threshold)) {
        return pair;
      }
    }
    throw new AssertionError("no flipped pair found");
  }
}
