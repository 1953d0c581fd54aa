package ssm.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import ssm.metrics.CocoEvaluator.IouType;

class CocoEvaluatorTest {
  private static final double EPS = 1e-12;

  // --- tiny builders -----------------------------------------------------------------------
  private static final List<CocoCategory> ONE_CATEGORY =
      List.of(new CocoCategory(1, "lesion", null));

  private static CocoImage image(long id, int size) {
    return new CocoImage(id, size, size, null);
  }

  private static CocoAnnotation gtBox(
      long id, long imageId, int cat, double x, double y, double w, double h) {
    return new CocoAnnotation(id, imageId, cat, null, new double[] {x, y, w, h}, w * h, false);
  }

  private static CocoDetection dtBox(
      long imageId, int cat, double score, double x, double y, double w, double h) {
    return new CocoDetection(imageId, cat, score, null, new double[] {x, y, w, h});
  }

  private static CocoStats bbox(CocoDataset gt, List<CocoDetection> dt) {
    return CocoEvaluator.evaluate(gt, dt, IouType.BBOX).stats();
  }

  // --- parameters --------------------------------------------------------------------------
  @Test
  void thresholdsAreNumpyLinspaceValues() {
    // np.linspace(.5, .95, 10)[8] = 0.8999999999999999 and np.linspace(0, 1, 101)[57] =
    // 0.5700000000000001 (numpy repr); [5] must be exactly 0.75 for AP75's lookup
    assertEquals(0.75, CocoEvaluator.IOU_THRESHOLDS[5], 0);
    assertEquals(0.8999999999999999, CocoEvaluator.IOU_THRESHOLDS[8], 0);
    assertEquals(0.95, CocoEvaluator.IOU_THRESHOLDS[9], 0);
    assertEquals(0.5700000000000001, CocoEvaluator.RECALL_THRESHOLDS[57], 0);
    assertEquals(0.29, CocoEvaluator.RECALL_THRESHOLDS[29], 0);
    assertEquals(101, CocoEvaluator.RECALL_THRESHOLDS.length);
  }

  // --- hand-computed cases -----------------------------------------------------------------
  @Test
  void oneImageTwoGtsThreeDetections() {
    // gt1 = [0,0,10,10], gt2 = [50,50,10,10] (areas 100: small)
    // d1 .9 = gt1 (IoU 1); d2 .8 = [50,50,10,5] (IoU(gt2) = 50/100 = 0.5); d3 .7 elsewhere (fp)
    // t = .50: tp tp fp; recall .5 1 1, precision 1 1 2/3 -> all 101 points 1 -> AP 1, recall 1
    // t >= .55: tp fp fp; recall stays .5, precision 1 .5 1/3 -> envelope 1 at recall <= .5:
    //   the 51 points 0, .01, ..., .50 get 1, the other 50 get 0 -> 51/101; recall .5
    // AP = (1 + 9 * 51/101) / 10 = 56/101; AP50 = 1; AP75 = 51/101
    // AR100 = (1 + 9 * .5) / 10 = .55; AR1: only d1 counts -> recall .5 at every t -> .5
    // all gts and dts small: APs = AP, ARs = AR100; medium and large have no gt -> -1
    CocoDataset gt =
        new CocoDataset(
            List.of(image(1, 100)),
            List.of(gtBox(1, 1, 1, 0, 0, 10, 10), gtBox(2, 1, 1, 50, 50, 10, 10)),
            ONE_CATEGORY);
    List<CocoDetection> dt =
        List.of(
            dtBox(1, 1, 0.8, 50, 50, 10, 5),
            dtBox(1, 1, 0.9, 0, 0, 10, 10),
            dtBox(1, 1, 0.7, 20, 20, 10, 10));
    CocoStats s = bbox(gt, dt);
    assertArrayEquals(
        new double[] {56.0 / 101, 1, 51.0 / 101, 56.0 / 101, -1, -1, 0.5, 0.55, 0.55, 0.55, -1, -1},
        s.asArray(),
        EPS);
  }

  @Test
  void areaRangesIgnoreGtsAndUnmatchedDetectionsOutsideTheRange() {
    // gtS = [0,0,10,10] area 100 (small), gtM = [100,100,40,50] area 2000 (medium), 200x200 image
    // dL .95 = [0,100,100,100] area 10000 (large), overlaps nothing; dM .9 = gtM exactly
    // all:    fp, tp over 2 gts: recall 0, .5; precision 0, .5 -> envelope .5 up to recall .5:
    //         51 points of .5 -> AP = 51/202 at every t; AR100 = .5; AR1 (only dL) = 0; AR10 = .5
    // small:  gtM ignored, dM matches it and is ignored; dL unmatched outside -> ignored;
    //         nothing counts against gtS -> AP 0, AR 0
    // medium: gtS ignored; dL unmatched and outside -> ignored; dM tp -> AP 1, AR 1
    //         (without the ignore rule dL would be a fp ranked first and AP would be .5)
    // large:  no gt in range -> -1
    CocoDataset gt =
        new CocoDataset(
            List.of(image(1, 200)),
            List.of(gtBox(1, 1, 1, 0, 0, 10, 10), gtBox(2, 1, 1, 100, 100, 40, 50)),
            ONE_CATEGORY);
    List<CocoDetection> dt =
        List.of(dtBox(1, 1, 0.95, 0, 100, 100, 100), dtBox(1, 1, 0.9, 100, 100, 40, 50));
    CocoStats s = bbox(gt, dt);
    assertArrayEquals(
        new double[] {51.0 / 202, 51.0 / 202, 51.0 / 202, 0, 1, -1, 0, 0.5, 0.5, 0, 1, -1},
        s.asArray(),
        EPS);
  }

  @Test
  void areaRangeBoundsAreInclusive() {
    // a 32x32 gt (area 1024) is both small and medium; its exact detection counts in both
    CocoDataset gt =
        new CocoDataset(
            List.of(image(1, 100)), List.of(gtBox(1, 1, 1, 0, 0, 32, 32)), ONE_CATEGORY);
    CocoStats s = bbox(gt, List.of(dtBox(1, 1, 0.5, 0, 0, 32, 32)));
    // precision is tp / (tp + fp + np.spacing(1)), so a perfect AP is 1 - 2.2e-16
    assertEquals(1, s.apSmall(), EPS);
    assertEquals(1, s.apMedium(), EPS);
    assertEquals(-1, s.apLarge(), 0);
  }

  @Test
  void crowdRegionsAbsorbAnyNumberOfDetections() {
    // crowd gt [0,0,20,20] and a regular gt [50,50,10,10]
    // d1 .9 = [0,0,10,10] and d2 .8 = [0,10,10,10] lie inside the crowd: IoU = inter / area(dt) =
    // 1,
    //   both match the crowd (matchable again) and are ignored; d3 .7 = the regular gt: tp
    // counted: one tp over one gt -> precision 1 everywhere -> AP 1, AR 1
    CocoDataset gt =
        new CocoDataset(
            List.of(image(1, 100)),
            List.of(
                new CocoAnnotation(1, 1, 1, null, new double[] {0, 0, 20, 20}, 400, true),
                gtBox(2, 1, 1, 50, 50, 10, 10)),
            ONE_CATEGORY);
    CocoStats s =
        bbox(
            gt,
            List.of(
                dtBox(1, 1, 0.9, 0, 0, 10, 10),
                dtBox(1, 1, 0.8, 0, 10, 10, 10),
                dtBox(1, 1, 0.7, 50, 50, 10, 10)));
    assertEquals(1, s.ap(), EPS);
    assertEquals(1, s.ar100(), 0);
  }

  @Test
  void falsePositiveOnAnEmptyImageAndAClassWithoutGroundTruth() {
    // images 1, 2, 3; categories 1, 2. Only image 1 has a gt (cat 1); images 2 and 3 are empty.
    // cat 1: d .9 on empty image 2 (fp), d .6 = the gt on image 1 (tp):
    //   recall 0, 1; precision 0, .5 -> .5 at all 101 points -> AP .5 at every t; AR 1
    //   AR1: one detection per image, so the same -> 1
    // cat 2: a detection on image 3 but no gt anywhere -> -1, left out of every mean
    List<CocoCategory> cats =
        List.of(new CocoCategory(1, "a", null), new CocoCategory(2, "b", null));
    CocoDataset gt =
        new CocoDataset(
            List.of(image(1, 50), image(2, 50), image(3, 50)),
            List.of(gtBox(7, 1, 1, 0, 0, 10, 10)),
            cats);
    List<CocoDetection> dt =
        List.of(
            dtBox(1, 1, 0.6, 0, 0, 10, 10),
            dtBox(2, 1, 0.9, 0, 0, 10, 10),
            dtBox(3, 2, 0.5, 0, 0, 10, 10));
    CocoStats s = bbox(gt, dt);
    assertArrayEquals(
        new double[] {0.5, 0.5, 0.5, 0.5, -1, -1, 1, 1, 1, 1, -1, -1}, s.asArray(), EPS);
  }

  @Test
  void classNeverPredictedCountsAsZero() {
    // cat 1 found perfectly (AP 1), cat 2 has a gt but no detection (precision 0, recall 0):
    // AP = (1 + 0) / 2 = .5, AR = .5
    List<CocoCategory> cats =
        List.of(new CocoCategory(1, "a", null), new CocoCategory(2, "b", null));
    CocoDataset gt =
        new CocoDataset(
            List.of(image(1, 50)),
            List.of(gtBox(1, 1, 1, 0, 0, 10, 10), gtBox(2, 1, 2, 20, 20, 10, 10)),
            cats);
    CocoStats s = bbox(gt, List.of(dtBox(1, 1, 0.9, 0, 0, 10, 10)));
    assertEquals(0.5, s.ap(), EPS);
    assertEquals(0.5, s.ar100(), 0);
  }

  @Test
  void noDetectionsAtAll() {
    // an empty result list (pycocotools' loadRes would fail on it): every gt missed -> 0, not -1
    CocoDataset gt =
        new CocoDataset(List.of(image(1, 50)), List.of(gtBox(1, 1, 1, 0, 0, 10, 10)), ONE_CATEGORY);
    CocoStats s = bbox(gt, List.of());
    assertArrayEquals(new double[] {0, 0, 0, 0, -1, -1, 0, 0, 0, 0, -1, -1}, s.asArray(), 0);
  }

  @Test
  void tiedScoresAcrossImagesKeepImageOrder() {
    // image 1: gt A, a fp at score .5; image 2: gt B, a tp at score .5.
    // mergesort keeps the tie in concatenation (image id) order: fp, tp ->
    //   recall 0, .5; precision 0, .5 -> 51 points of .5 -> AP = 51/202
    // (tp first would give 51/101)
    CocoDataset gt =
        new CocoDataset(
            List.of(image(1, 50), image(2, 50)),
            List.of(gtBox(1, 1, 1, 0, 0, 10, 10), gtBox(2, 2, 1, 0, 0, 10, 10)),
            ONE_CATEGORY);
    List<CocoDetection> dt =
        List.of(dtBox(2, 1, 0.5, 0, 0, 10, 10), dtBox(1, 1, 0.5, 30, 30, 10, 10));
    assertEquals(51.0 / 202, bbox(gt, dt).ap(), EPS);
  }

  @Test
  void maxDetsKeepsTheTopScoringPerImage() {
    // 12 detections on one gt: the true one has the lowest score (rank 12).
    // maxDets 10 drops it: AR10 = 0; maxDets 100 keeps it: AR100 = 1;
    // AP (maxDets 100): tp at rank 12 -> precision 1/12 at recall 1 -> AP = 1/12
    CocoDataset gt =
        new CocoDataset(
            List.of(image(1, 200)), List.of(gtBox(1, 1, 1, 0, 0, 10, 10)), ONE_CATEGORY);
    List<CocoDetection> dt = new ArrayList<>();
    for (int j = 0; j < 11; j++) {
      dt.add(dtBox(1, 1, 0.9 - j * 0.01, 100, 15 * j, 10, 10));
    }
    dt.add(dtBox(1, 1, 0.1, 0, 0, 10, 10));
    CocoStats s = bbox(gt, dt);
    assertEquals(0, s.ar1(), 0);
    assertEquals(0, s.ar10(), 0);
    assertEquals(1, s.ar100(), 0);
    assertEquals(1.0 / 12, s.ap(), EPS);
  }

  @Test
  void segmentationIouFromPolygonGtAndRleDetection() {
    // 20x20 image; gt polygon square (0,0)-(10,10) = 100 pixels (see RleTest for the rasterisation)
    // detection mask = columns x 0..4, rows 0..9: 50 pixels inside the square -> IoU 50/100 = .5
    // matched only at t = .5 -> AP = (1 + 9*0) / 10 = .1, AP50 = 1, AP75 = 0, AR100 = .1
    CocoDataset gt =
        new CocoDataset(
            List.of(image(1, 20)),
            List.of(
                new CocoAnnotation(
                    1,
                    1,
                    1,
                    new CocoSegmentation.Polygons(
                        List.of(new double[] {0, 0, 0, 10, 10, 10, 10, 0})),
                    new double[] {0, 0, 10, 10},
                    100,
                    false)),
            ONE_CATEGORY);
    byte[] half = new byte[400];
    for (int y = 0; y < 10; y++) {
      for (int x = 0; x < 5; x++) {
        half[y * 20 + x] = 1;
      }
    }
    Rle mask = Rle.encode(half, 20, 20);
    CocoEvaluator.Result r =
        CocoEvaluator.evaluate(
            gt, List.of(CocoDetection.ofMask(1, 1, 0.9, mask, false)), IouType.SEGM);
    assertEquals(0.1, r.stats().ap(), EPS);
    assertEquals(1, r.stats().ap50(), EPS);
    assertEquals(0, r.stats().ap75(), 0);
    assertEquals(0.1, r.stats().ar100(), EPS);
    // box evaluation of the same: the detection's box comes from its mask, [0,0,5,10] -> IoU .5 too
    assertEquals(
        0.1,
        CocoEvaluator.evaluate(
                gt, List.of(CocoDetection.ofMask(1, 1, 0.9, mask, false)), IouType.BBOX)
            .stats()
            .ap(),
        EPS);
  }

  @Test
  void loadResultsAreaFollowsTheFirstResult() {
    // pycocotools loadRes: first result has a bbox -> all areas are w*h (here 5*10 = 50 even though
    // the mask has 3 pixels); first result without bbox -> mask area and box from the mask
    CocoDataset gt = new CocoDataset(List.of(image(1, 20)), List.of(), ONE_CATEGORY);
    Rle three = Rle.encode(new byte[] {1, 1, 1, 0}, 2, 2);
    CocoDetection withBox =
        new CocoDetection(
            1, 1, 0.5, new CocoSegmentation.RleMask(three), new double[] {0, 0, 5, 10});
    CocoDetection maskOnly =
        new CocoDetection(1, 1, 0.5, new CocoSegmentation.RleMask(three), null);
    assertEquals(
        50, CocoEvaluator.loadResults(gt, List.of(withBox), IouType.SEGM).get(0).area(), 0);
    CocoEvaluator.Instance m =
        CocoEvaluator.loadResults(gt, List.of(maskOnly), IouType.BBOX).get(0);
    assertEquals(3, m.area(), 0);
    assertArrayEquals(new double[] {0, 0, 2, 2}, m.box(), 0);
    assertEquals(1, m.id());
  }

  @Test
  void resultsOnUnknownImagesAreRejected() {
    CocoDataset gt = new CocoDataset(List.of(image(1, 20)), List.of(), ONE_CATEGORY);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> bbox(gt, List.of(dtBox(9, 1, 0.5, 0, 0, 1, 1))));
    assertEquals(
        "results do not correspond to the ground truth: image_id 9 is not in it", e.getMessage());
  }

  @Test
  void hundredSlicesOf512WithManyDetectionsEvaluateQuickly() {
    // 100 images 512x512, 2 categories, 4 gt discs and 128 mask detections per image
    List<CocoImage> images = new ArrayList<>();
    List<CocoAnnotation> gts = new ArrayList<>();
    List<CocoDetection> dts = new ArrayList<>();
    java.util.Map<String, Rle> cache = new java.util.HashMap<>();
    long id = 1;
    for (int i = 1; i <= 100; i++) {
      images.add(image(i, 512));
      for (int k = 0; k < 4; k++) {
        Rle m =
            cache.computeIfAbsent(
                "g" + k, x -> square(512, 100 + 100 * Integer.parseInt(x.substring(1)), 256, 40));
        gts.add(
            new CocoAnnotation(
                id++, i, 1 + k % 2, new CocoSegmentation.RleMask(m), m.toBbox(), m.area(), false));
      }
      for (int p = 0; p < 128; p++) {
        int k = p % 4;
        int dx = p % 9 - 4;
        int r = 36 + p % 8;
        Rle m =
            cache.computeIfAbsent(
                k + "," + dx + "," + r, x -> square(512, 100 + 100 * k + dx, 256, r));
        dts.add(CocoDetection.ofMask(i, 1 + k % 2, (p * 37 % 101) / 101.0, m, false));
      }
    }
    CocoDataset gt =
        new CocoDataset(
            images, gts, List.of(new CocoCategory(1, "a", null), new CocoCategory(2, "b", null)));
    long start = System.nanoTime();
    CocoStats s = CocoEvaluator.evaluate(gt, dts, IouType.SEGM).stats();
    double seconds = (System.nanoTime() - start) / 1e9;
    assertTrue(s.ap() > 0 && s.ap() <= 1, "AP " + s.ap());
    assertTrue(seconds < 20, "took " + seconds + " s");
  }

  /** A filled square of half-side r centred at (cx, cy). */
  private static Rle square(int size, int cx, int cy, int r) {
    byte[] m = new byte[size * size];
    for (int y = cy - r; y < cy + r; y++) {
      for (int x = cx - r; x < cx + r; x++) {
        m[y * size + x] = 1;
      }
    }
    return Rle.encode(m, size, size);
  }

  @Test
  void summaryTextHasPycocotoolsLayout() {
    CocoDataset gt =
        new CocoDataset(
            List.of(image(1, 100)),
            List.of(gtBox(1, 1, 1, 0, 0, 10, 10), gtBox(2, 1, 1, 50, 50, 10, 10)),
            ONE_CATEGORY);
    List<CocoDetection> dt =
        List.of(
            dtBox(1, 1, 0.8, 50, 50, 10, 5),
            dtBox(1, 1, 0.9, 0, 0, 10, 10),
            dtBox(1, 1, 0.7, 20, 20, 10, 10));
    String[] lines = CocoEvaluator.evaluate(gt, dt, IouType.BBOX).summaryText().split("\\R");
    assertEquals(12, lines.length);
    // 56/101 = 0.55446 -> 0.554
    assertEquals(
        " Average Precision  (AP) @[ IoU=0.50:0.95 | area=   all | maxDets=100 ] = 0.554",
        lines[0]);
    assertEquals(
        " Average Precision  (AP) @[ IoU=0.50      | area=medium | maxDets=100 ] = -1.000",
        lines[4].replace("0.50:0.95", "0.50     "));
    assertEquals(
        " Average Recall     (AR) @[ IoU=0.50:0.95 | area=   all | maxDets=  1 ] = 0.500",
        lines[6]);
  }

  @Test
  void pythonStyleRounding() {
    // Python: '{:0.3f}'.format(0.0005) = '0.001' (slightly above in binary) but
    // '{:0.3f}'.format(1.0005) = '1.000' (1.000499999... in binary); Java's %.3f gives 1.001
    assertEquals("0.001", CocoEvaluator.format3(0.0005));
    assertEquals("1.000", CocoEvaluator.format3(1.0005));
    assertEquals("-1.000", CocoEvaluator.format3(-1));
  }
}
