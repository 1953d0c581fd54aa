package ssm.slices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import ssm.eval.ClassifiedSlice;
import ssm.metrics.CocoAnnotation;
import ssm.metrics.CocoCategory;
import ssm.metrics.CocoDataset;
import ssm.metrics.CocoDetection;
import ssm.metrics.CocoEvaluator;
import ssm.metrics.CocoImage;
import ssm.metrics.CocoSegmentation;
import ssm.metrics.PaperAp;
import ssm.metrics.Rle;

class SubsetFiguresTest {
  private static ScoredDetection hit(double score) {
    return new ScoredDetection(score, true);
  }

  private static ScoredDetection miss(double score) {
    return new ScoredDetection(score, false);
  }

  /**
   * Slice A: 1 lesion, detection 0.9 matched; slice B: 2 lesions, 0.8 unmatched, 0.7 matched.
   *
   * <pre>
   * all detections by score: 0.9 hit, 0.8 miss, 0.7 hit; 3 lesions
   * recall    1/3  1/3  2/3
   * precision 1    1/2  2/3   -> monotone from the right: 1, 2/3, 2/3
   * recall thresholds 0.00..0.33 (34 of them): first detection reaching them is 0.9 -> 1
   *                   0.34..0.66 (33): reached at 0.7 -> 2/3
   *                   0.67..1.00 (34): never reached -> 0
   * AP50 = (34 * 1 + 33 * 2/3) / 101 = 56/101
   * Only slice B: 0.8 miss, 0.7 hit of 2 lesions: recall 0, 1/2; precision 0, 1/2 -> 1/2, 1/2;
   *   thresholds 0.00..0.50 (51) -> 1/2, the rest 0: AP50 = 25.5/101
   * Slice A twice: two hits of 2 lesions, precision 1 up to recall 1: AP50 = 1
   * </pre>
   */
  @Test
  void cocoAp50ByHand() {
    List<SegmentedSlice> slices =
        List.of(
            new SegmentedSlice("a.png", 1, List.of(hit(0.9)), 1.0),
            new SegmentedSlice("b.png", 2, List.of(miss(0.8), hit(0.7)), 0.5));
    assertEquals(56.0 / 101, SubsetFigures.cocoAp50(slices, new int[] {0, 1}), 1e-12);
    assertEquals(25.5 / 101, SubsetFigures.cocoAp50(slices, new int[] {1}), 1e-12);
    assertEquals(1.0, SubsetFigures.cocoAp50(slices, new int[] {0, 0}), 1e-12);
  }

  @Test
  void undefinedWithoutLesionsOrScoredSlices() {
    List<SegmentedSlice> slices =
        List.of(
            new SegmentedSlice("n.png", 0, List.of(miss(0.4)), null),
            new SegmentedSlice("m.png", 0, List.of(), 1.0));
    assertTrue(Double.isNaN(SubsetFigures.cocoAp50(slices, new int[] {0, 1})));
    assertTrue(Double.isNaN(SubsetFigures.paperAp50(slices, new int[] {0})));
    // the paper's mean over the scored slices: m.png twice, n.png skipped -> 1
    assertEquals(1.0, SubsetFigures.paperAp50(slices, new int[] {1, 0, 1}));
  }

  @Test
  void accuracyOverADraw() {
    List<ClassifiedSlice> slices =
        List.of(
            new ClassifiedSlice("c0.png", 0, 0, new double[] {0.8, 0.1, 0.1}),
            new ClassifiedSlice("c1.png", 1, 2, new double[] {0.1, 0.3, 0.6}));
    // c0 right twice, c1 wrong once: 2/3
    assertEquals(2.0 / 3, SubsetFigures.accuracy(slices, new int[] {0, 1, 0}), 1e-15);
  }

  /** A random rectangle on a 24x24 slice. */
  private static Rle box(SplittableRandom r) {
    int x = r.nextInt(16);
    int y = r.nextInt(16);
    return Rle.fromBbox(new double[] {x, y, 3 + r.nextInt(6), 3 + r.nextInt(6)}, 24, 24);
  }

  @Test
  void everySliceOnceGivesCocoEvaluatorAndPaperApExactly() {
    // Random slices: 0-3 lesions, detections near them (a jittered copy) or anywhere, random scores
    // with ties; per-slice records must reproduce COCOeval's AP50 and the paper's AP@0.5, and a
    // draw with repeats must equal COCOeval on the data set with the drawn slices copied.
    SplittableRandom r = new SplittableRandom(3);
    for (int trial = 0; trial < 20; trial++) {
      List<CocoImage> images = new ArrayList<>();
      List<CocoAnnotation> annotations = new ArrayList<>();
      List<CocoDetection> detections = new ArrayList<>();
      int n = 6;
      for (int i = 1; i <= n; i++) {
        images.add(new CocoImage(i, 24, 24, "s" + i + ".png"));
        List<Rle> lesions = new ArrayList<>();
        for (int k = r.nextInt(4); k > 0; k--) {
          Rle m = box(r);
          lesions.add(m);
          annotations.add(
              new CocoAnnotation(
                  annotations.size() + 1L,
                  i,
                  1,
                  new CocoSegmentation.RleMask(m),
                  m.toBbox(),
                  m.area(),
                  false));
        }
        for (int k = r.nextInt(5); k > 0; k--) {
          Rle m;
          if (!lesions.isEmpty() && r.nextBoolean()) {
            double[] b = lesions.get(r.nextInt(lesions.size())).toBbox();
            m =
                Rle.fromBbox(
                    new double[] {b[0] + r.nextInt(2), b[1], b[2] + r.nextInt(2), b[3]}, 24, 24);
          } else {
            m = box(r);
          }
          double score = r.nextInt(5) / 5.0; // ties on purpose
          detections.add(
              new CocoDetection(i, 1, score, new CocoSegmentation.RleMask(m), m.toBbox()));
        }
      }
      List<CocoCategory> categories = List.of(new CocoCategory(1, "lesion", "lesion"));
      CocoDataset gt = new CocoDataset(images, annotations, categories);
      List<SegmentedSlice> slices = SliceResults.segmentation(gt, detections);

      double coco =
          CocoEvaluator.evaluate(gt, detections, CocoEvaluator.IouType.SEGM).stats().ap50();
      double mine = SubsetFigures.cocoAp50(slices, new int[] {0, 1, 2, 3, 4, 5});
      assertEquals(coco < 0 ? Double.NaN : coco, mine, 1e-12, "trial " + trial);
      double paper = PaperAp.evaluate(PaperAp.imagesFrom(gt, detections)).ap50();
      assertEquals(paper, SubsetFigures.paperAp50(slices, new int[] {0, 1, 2, 3, 4, 5}), 1e-12);

      int[] draw = {4, 1, 1, 0, 5, 4};
      double drawn = SubsetFigures.cocoAp50(slices, draw);
      double copied = copiedAp50(gt, detections, draw);
      assertEquals(copied < 0 ? Double.NaN : copied, drawn, 1e-12, "trial " + trial);
    }
  }

  /** COCOeval's AP50 on the data set made of the drawn slices, a repeat under a new image id. */
  private static double copiedAp50(CocoDataset gt, List<CocoDetection> detections, int[] draw) {
    List<CocoImage> images = new ArrayList<>();
    List<CocoAnnotation> annotations = new ArrayList<>();
    List<CocoDetection> found = new ArrayList<>();
    for (int j = 0; j < draw.length; j++) {
      long from = gt.images().get(draw[j]).id();
      long to = j + 1;
      images.add(new CocoImage(to, 24, 24, "d" + to));
      for (CocoAnnotation a : gt.annotations()) {
        if (a.imageId() == from) {
          annotations.add(
              new CocoAnnotation(
                  annotations.size() + 1L, to, 1, a.segmentation(), a.bbox(), a.area(), false));
        }
      }
      for (CocoDetection d : detections) {
        if (d.imageId() == from) {
          found.add(new CocoDetection(to, 1, d.score(), d.segmentation(), d.bbox()));
        }
      }
    }
    return CocoEvaluator.evaluate(
            new CocoDataset(images, annotations, gt.categories()),
            found,
            CocoEvaluator.IouType.SEGM)
        .stats()
        .ap50();
  }
}
