package ssm.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import ssm.metrics.PaperAp.GroundTruth;
import ssm.metrics.PaperAp.Image;
import ssm.metrics.PaperAp.Prediction;

class PaperApTest {
  private static final int W = 40;

  /** A 1 x 40 image whose mask covers the columns [from, to). IoUs are interval ratios. */
  private static Rle strip(int from, int to) {
    byte[] m = new byte[W];
    for (int x = from; x < to; x++) {
      m[x] = 1;
    }
    return Rle.encode(m, 1, W);
  }

  private static GroundTruth gt(int from, int to) {
    return new GroundTruth(1, strip(from, to));
  }

  private static Prediction pred(double score, int from, int to) {
    return new Prediction(1, score, strip(from, to));
  }

  @Test
  void thresholdsAreNumpyArangeValues() {
    // np.arange(0.5, 1.0, 0.05) = 0.5 + i * (0.55 - 0.5): printed by numpy as repr below
    assertEquals(10, PaperAp.IOU_THRESHOLDS.length);
    assertEquals(0.5, PaperAp.IOU_THRESHOLDS[0], 0);
    assertEquals(0.6000000000000001, PaperAp.IOU_THRESHOLDS[2], 0);
    assertEquals(0.7500000000000002, PaperAp.IOU_THRESHOLDS[5], 0);
    assertEquals(0.9500000000000004, PaperAp.IOU_THRESHOLDS[9], 0);
  }

  @Test
  void twoGroundTruthsThreePredictions() {
    // gt A = [0,4), gt B = [10,14)
    // p1 (0.9) = [0,4):   IoU(A) = 1
    // p2 (0.8) = [12,16): IoU(B) = 2 / 6 = 1/3
    // p3 (0.7) = [10,17): IoU(B) = 4 / 7 = 0.571
    // t <= 0.55: matches [A, -, B]; precision 1, 1/2, 2/3; recall 1/2, 1/2, 1
    //   envelope from the right: 1, 2/3, 2/3 -> AP = 1/2 * 1 + 1/2 * 2/3 = 5/6
    // t >= 0.6:  matches [A, -, -]; recall stays 1/2 -> AP = 1/2 * 1 = 1/2
    // mean over 10 thresholds = (2 * 5/6 + 8 * 1/2) / 10 = 17/30
    Image image =
        new Image(
            List.of(gt(0, 4), gt(10, 14)),
            List.of(pred(0.8, 12, 16), pred(0.9, 0, 4), pred(0.7, 10, 17)));
    PaperAp.Result r = PaperAp.evaluate(List.of(image));
    assertEquals(5.0 / 6.0, r.ap50(), 1e-12);
    assertEquals(0.5, r.ap75(), 1e-12);
    assertEquals(17.0 / 30.0, r.ap(), 1e-12);
    assertEquals(5.0 / 6.0, r.apPerThreshold()[1], 1e-12);
    assertEquals(0.5, r.apPerThreshold()[2], 1e-12);
    assertEquals(1, r.imagesScored());
    assertEquals(0, r.imagesSkipped());
  }

  @Test
  void iouExactlyOnThresholdFailsAtTheArangeValue() {
    // p = [10,13) vs gt [10,14): IoU 3/4 = 0.75 exactly, below np.arange's 0.7500000000000002
    Image image = new Image(List.of(gt(10, 14)), List.of(pred(0.9, 10, 13)));
    double[] ap = PaperAp.imageAp(image, PaperAp.IOU_THRESHOLDS);
    assertEquals(1.0, ap[4], 0); // t = 0.7000000000000002 <= 0.75
    assertEquals(0.0, ap[5], 0); // t = 0.7500000000000002 > 0.75
  }

  @Test
  void maskIouIsComputedInFloat32() {
    // p = [16,30) vs gt [15,28): intersection 12, union 15 -> IoU 0.8, in float32
    // 0.800000011920929 >= np.arange's 0.8000000000000003: a match at "0.80" (index 6);
    // a double IoU of 0.8 would fail there
    Image image = new Image(List.of(gt(15, 28)), List.of(pred(0.9, 16, 30)));
    double[] ap = PaperAp.imageAp(image, PaperAp.IOU_THRESHOLDS);
    assertEquals(1.0, ap[6], 0);
    assertEquals(0.0, ap[7], 0);
  }

  @Test
  void recallIsDividedInFloat32() {
    // 3 gts, one prediction matching one of them: recall 1/3 in float32 = 0.3333333432674408,
    // precision 1 -> AP = (float) 1/3 exactly, as Matterport's astype(np.float32) gives
    Image image = new Image(List.of(gt(0, 2), gt(5, 7), gt(10, 12)), List.of(pred(0.9, 0, 2)));
    assertEquals((double) (1f / 3f), PaperAp.imageAp(image, new double[] {0.5})[0], 0);
  }

  @Test
  void predictionTakesTheBestUnmatchedGtOfItsClass() {
    // gt1 class 1 = [0,4); gt2 class 2 = [0,5). pred class 2 = [0,4): IoU(gt1) = 1, IoU(gt2) = 4/5.
    // gt1 ranks first but is the wrong class, so the loop goes on to gt2 (0.8 >= 0.5): a match.
    Image image =
        new Image(
            List.of(new GroundTruth(1, strip(0, 4)), new GroundTruth(2, strip(0, 5))),
            List.of(new Prediction(2, 0.9, strip(0, 4))));
    int[] match =
        PaperAp.match(image.predictions(), image.groundTruths(), new double[][] {{1.0, 0.8}}, 0.5);
    assertArrayEquals(new int[] {1}, match);
    // one tp out of 2 gts: recall 1/2 at precision 1 -> AP 0.5
    assertEquals(0.5, PaperAp.imageAp(image, new double[] {0.5})[0], 0);
  }

  @Test
  void secondPredictionCannotTakeAMatchedGt() {
    // two identical predictions of the single gt: the second is a false positive.
    // precision 1, 1/2; recall 1, 1 -> AP = 1 * 1 = 1 (duplicates after full recall cost nothing)
    Image image = new Image(List.of(gt(0, 4)), List.of(pred(0.9, 0, 4), pred(0.8, 0, 4)));
    assertEquals(1.0, PaperAp.imageAp(image, new double[] {0.5})[0], 0);
    // the duplicate ranked first costs: fp then tp -> precision 0, 1/2; recall 0, 1 -> AP 1/2
    Image worse = new Image(List.of(gt(0, 4)), List.of(pred(0.9, 0, 1), pred(0.8, 0, 4)));
    assertEquals(0.5, PaperAp.imageAp(worse, new double[] {0.5})[0], 0);
  }

  @Test
  void tiedScoresRankInReverseInputOrder() {
    // np.argsort(scores)[::-1] on equal scores: the later prediction comes first.
    // input [tp, fp] with equal scores -> ranked [fp, tp]: precision 0, 1/2; recall 0, 1 -> AP 1/2
    Image image = new Image(List.of(gt(0, 4)), List.of(pred(0.5, 0, 4), pred(0.5, 10, 12)));
    assertEquals(0.5, PaperAp.imageAp(image, new double[] {0.5})[0], 0);
    // input [fp, tp] -> ranked [tp, fp] -> AP 1
    Image swapped = new Image(List.of(gt(0, 4)), List.of(pred(0.5, 10, 12), pred(0.5, 0, 4)));
    assertEquals(1.0, PaperAp.imageAp(swapped, new double[] {0.5})[0], 0);
  }

  @Test
  void negativeImageRules() {
    // empty image (no gt, no prediction) scores 1; a half-found image scores 1/2;
    // predictions on a negative image and gts with no prediction are skipped:
    // mean over the 2 scored images = (1 + 1/2) / 2 = 3/4
    Image empty = new Image(List.of(), List.of());
    Image half = new Image(List.of(gt(0, 4), gt(10, 14)), List.of(pred(0.9, 0, 4)));
    Image falseAlarm = new Image(List.of(), List.of(pred(0.9, 0, 4)));
    Image missed = new Image(List.of(gt(0, 4)), List.of());
    PaperAp.Result r = PaperAp.evaluate(List.of(empty, half, falseAlarm, missed));
    assertEquals(0.75, r.ap50(), 0);
    assertEquals(0.75, r.ap75(), 0);
    assertEquals(0.75, r.ap(), 1e-15);
    assertEquals(2, r.imagesScored());
    assertEquals(1, r.imagesEmpty());
    assertEquals(2, r.imagesSkipped());
    assertEquals(4, r.imagesTotal());
  }

  @Test
  void imagesFromCocoFilesGroupByImage() {
    // image 1: gt [0,4) found exactly -> AP 1; image 2: empty, no detection -> 1;
    // image 3: gt only -> skipped. Mean over 2 scored images = 1.
    CocoDataset gt =
        new CocoDataset(
            List.of(
                new CocoImage(1, W, 1, null),
                new CocoImage(2, W, 1, null),
                new CocoImage(3, W, 1, null)),
            List.of(
                new CocoAnnotation(
                    1, 1, 1, new CocoSegmentation.RleMask(strip(0, 4)), null, 4, false),
                new CocoAnnotation(
                    2, 3, 1, new CocoSegmentation.RleMask(strip(5, 9)), null, 4, false)),
            List.of(new CocoCategory(1, "lesion", null)));
    List<Image> images =
        PaperAp.imagesFrom(gt, List.of(CocoDetection.ofMask(1, 1, 0.9, strip(0, 4), true)));
    assertEquals(3, images.size());
    PaperAp.Result r = PaperAp.evaluate(images);
    assertEquals(1.0, r.ap(), 0);
    assertEquals(2, r.imagesScored());
    assertEquals(1, r.imagesSkipped());
  }

  @Test
  void nothingScorableGivesNaN() {
    PaperAp.Result r = PaperAp.evaluate(List.of(new Image(List.of(gt(0, 1)), List.of())));
    assertTrue(Double.isNaN(r.ap50()));
    assertEquals(1, r.imagesSkipped());
  }

  @Test
  void hundredImagesOf512WithManyPredictionsAreFast() {
    // 100 images of 512x512, 4 gt discs and 128 predictions each (shifted discs)
    int size = 512;
    List<Image> images = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      List<GroundTruth> gts = new ArrayList<>();
      for (int k = 0; k < 4; k++) {
        gts.add(new GroundTruth(1 + k % 2, disc(size, 100 + 100 * k, 256, 40)));
      }
      List<Prediction> preds = new ArrayList<>();
      for (int p = 0; p < 128; p++) {
        int k = p % 4;
        preds.add(
            new Prediction(
                1 + k % 2,
                (p * 37 % 101) / 101.0,
                disc(size, 100 + 100 * k + (p % 9) - 4, 256 + (p % 7) * 3, 36 + p % 8)));
      }
      images.add(new Image(gts, preds));
    }
    long start = System.nanoTime();
    PaperAp.Result r = PaperAp.evaluate(images);
    double seconds = (System.nanoTime() - start) / 1e9;
    assertEquals(100, r.imagesScored());
    assertTrue(seconds < 5, "100 images took " + seconds + " s");
  }

  private static final java.util.Map<String, Rle> DISCS = new java.util.HashMap<>();

  /** Discs are cached: the 512x512 masks, not the metric, would dominate the test's time. */
  private static Rle disc(int size, int cx, int cy, int radius) {
    return DISCS.computeIfAbsent(cx + "," + cy + "," + radius, k -> drawDisc(size, cx, cy, radius));
  }

  private static Rle drawDisc(int size, int cx, int cy, int radius) {
    byte[] m = new byte[size * size];
    for (int y = cy - radius; y <= cy + radius; y++) {
      for (int x = cx - radius; x <= cx + radius; x++) {
        if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= radius * radius) {
          m[y * size + x] = 1;
        }
      }
    }
    return Rle.encode(m, size, size);
  }
}
