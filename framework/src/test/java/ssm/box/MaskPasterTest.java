package ssm.box;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import ssm.testing.ReferenceFixture;

class MaskPasterTest {
  @Test
  void pasteBoxEnlargesAboutTheCentreAndTruncates() {
    // box [10, 20, 38, 48]: centre (24, 34), half-extents 14 * 30/28 = 15 -> [9, 19, 39, 49];
    // box [-3.5, 0, 2.5, 2.8]: centre (-0.5, 1.4), half 3 * 15/14 = 3.214, 1.4 * 15/14 = 1.5
    // -> [-3.714, -0.1, 2.714, 2.9] truncated toward zero: [-3, 0, 2, 2]
    assertArrayEquals(
        new int[] {9, 19, 39, 49}, MaskPaster.pasteBox(new float[] {10, 20, 38, 48}, 28));
    assertArrayEquals(
        new int[] {-3, 0, 2, 2}, MaskPaster.pasteBox(new float[] {-3.5f, 0, 2.5f, 2.8f}, 28));
  }

  @Test
  void resizeIsHalfPixelBilinearWithClampAtZero() {
    // 2 -> 4 along one axis of [0, 1]: ratio 0.5, src = 0.5 (o + 0.5) - 0.5 = -0.25 (-> 0), 0.25,
    // 0.75, 1.25 (index 1, last: no neighbour) -> 0, 0.25, 0.75, 1
    float[] out = MaskPaster.resizeBilinear(new float[] {0, 1}, 1, 2, 1, 4);
    assertArrayEquals(new float[] {0, 0.25f, 0.75f, 1}, out, 1e-7f);
  }

  @Test
  void partOutsideTheImageIsCut() {
    // a 1x1 map of 1 padded to 3x3 [0 0 0; 0 1 0; 0 0 0]; box [-1, -1, 0.5, 0.5] -> centre -0.25,
    // half 0.75 * 3 = 2.25 -> [-2.5, -2.5, 2.0, 2.0] -> ints [-2, -2, 2, 2], 5 x 5 resize; only
    // rows/columns 0..2 land in a 4 x 4 image. Resize 3 -> 5: ratio 0.6, src = 0.6 (o + 0.5) - 0.5
    // = -0.2 (0), 0.4, 1.0, 1.6, 2.2: values 0, 0.4, 1, 0.4, 0 per axis (product in 2-D).
    MaskPaster.Pasted p =
        MaskPaster.paste(new float[] {1}, 1, new float[] {-1, -1, 0.5f, 0.5f}, 4, 4);
    assertArrayEquals(new int[] {-2, -2, 2, 2}, p.box());
    float[] axis = {1f, 0.4f, 0f, 0f}; // resized columns 2, 3, 4 at image columns 0, 1, 2
    for (int y = 0; y < 4; y++) {
      for (int x = 0; x < 4; x++) {
        assertEquals(axis[y] * axis[x], p.mask()[y * 4 + x], 1e-6f, "pixel " + y + "," + x);
      }
    }
  }

  @Test
  void runLengthsStartWithZeros() {
    assertArrayEquals(
        new int[] {0, 2, 1, 1}, MaskPaster.runLengths(new float[] {1, 0.6f, 0.5f, 0.7f}, 0.5f));
    assertArrayEquals(new int[] {3}, MaskPaster.runLengths(new float[] {0, 0, 0}, 0.5f));
  }

  @Test
  void matchesEveryReferenceDetection() {
    // Golden numbers: detections.mask of every fixture image (512 x 512).
    int checked = 0;
    double worstSum = 0;
    for (JsonNode image : ReferenceFixture.expected().get("images")) {
      JsonNode det = image.get("detections");
      JsonNode mask = det.get("mask");
      String file = image.get("file").asText();
      for (int i = 0; i < det.get("boxes").size(); i++) {
        String what = file + " detection " + i;
        float[] probs = ReferenceFixture.floats(mask.get("probs_28x28").get(i));
        float[] box = ReferenceFixture.floats(det.get("boxes").get(i));
        MaskPaster.Pasted p = MaskPaster.paste(probs, 28, box, 512, 512);
        assertArrayEquals(ReferenceFixture.ints(mask.get("paste_boxes_int").get(i)), p.box(), what);
        JsonNode ref = mask.get("pasted").get(i);
        double sum = 0;
        int count = 0;
        for (float v : p.mask()) {
          sum += v;
          count += v > 0.5f ? 1 : 0;
        }
        double expectedSum = ref.get("soft_sum").asDouble();
        assertEquals(expectedSum, sum, 2e-3 * Math.max(1, expectedSum), what + " soft sum");
        worstSum = Math.max(worstSum, Math.abs(expectedSum - sum));
        assertEquals(ref.get("count_gt_0_5").asInt(), count, what + " count > 0.5");
        assertArrayEquals(
            ReferenceFixture.ints(ref.get("rle_gt_0_5")),
            MaskPaster.runLengths(p.mask(), 0.5f),
            what);
        checked++;
      }
    }
    System.out.println("mask paste: " + checked + " detections, max |soft sum diff| " + worstSum);
  }
}
