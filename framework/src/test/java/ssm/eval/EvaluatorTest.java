package ssm.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ssm.testing.TinySlices.example;
import static ssm.testing.TinySlices.slice;
import static ssm.testing.TinySlices.square;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssm.data.ClassificationExample;
import ssm.data.LesionMask;
import ssm.data.ReaderOptions;
import ssm.data.SegmentationExample;
import ssm.data.SegmentationFolder;
import ssm.data.synthetic.SyntheticCtGenerator;
import ssm.metrics.Rle;
import ssm.predict.Lesion;
import ssm.predict.Prediction;
import ssm.testing.TinySlices;
import ssm.testing.TinySlices.Items;

class EvaluatorTest {
  private static final int S = TinySlices.SIDE;

  /**
   * Three segmentation slices: a.png with two lesions (4x4 at (1,1), 5x5 at (10,10)), b.png with
   * one (6x6 at (2,12)), n.png negative.
   */
  private static Items<SegmentationExample> segmentation() {
    return new Items<>(
        List.of("a.png", "b.png", "n.png"),
        List.of(
            example("a.png", square(1, 1, 4), square(10, 10, 5)),
            example("b.png", square(2, 12, 6)),
            example("n.png")));
  }

  /** Three classification slices, one per class: c0.png Normal, c1.png CP, c2.png COVID-19. */
  private static Items<ClassificationExample> classification() {
    List<ClassificationExample> items = new ArrayList<>();
    for (int c = 0; c < 3; c++) {
      items.add(new ClassificationExample("c" + c + ".png", slice("c" + c + ".png"), c));
    }
    return new Items<>(items.stream().map(ClassificationExample::id).toList(), items);
  }

  private static Lesion lesion(byte[] mask, float score) {
    Rle rle = Rle.encode(mask, S, S);
    double[] b = rle.toBbox();
    return new Lesion(
        new float[] {(float) b[0], (float) b[1], (float) (b[0] + b[2]), (float) (b[1] + b[3])},
        score,
        rle);
  }

  /** A fake model: lesions and class per slice id; a slice not listed gets nothing, class 0. */
  private static SlicePredictor fake(
      Map<String, List<Lesion>> lesions, Map<String, Integer> classes) {
    return s -> {
      int c = classes.getOrDefault(s.id(), 0);
      float[] probs = {0.1f, 0.1f, 0.1f};
      probs[c] = 0.8f;
      float[] logits = probs.clone();
      return new Prediction(
          s.id(),
          s.originalHeight(),
          s.originalWidth(),
          logits,
          probs,
          lesions.getOrDefault(s.id(), List.of()),
          null);
    };
  }

  @Test
  void perfectPredictionsScoreOne() {
    Map<String, List<Lesion>> lesions =
        Map.of(
            "a.png", List.of(lesion(square(1, 1, 4), 0.9f), lesion(square(10, 10, 5), 0.8f)),
            "b.png", List.of(lesion(square(2, 12, 6), 0.95f)));
    Evaluation e =
        new Evaluator(fake(lesions, Map.of("c1.png", 1, "c2.png", 2)), Evaluator.Options.quiet())
            .evaluate(segmentation(), classification());
    // every image AP 1 at every threshold; n.png has no gt and no prediction: scored 1 too
    assertEquals(1.0, e.paper().ap(), 0.0);
    assertEquals(1.0, e.paper().ap50(), 0.0);
    assertEquals(3, e.paper().imagesScored());
    assertEquals(1, e.paper().imagesEmpty());
    // COCO's perfect AP is 1 - eps (precision = tp / (tp + fp + eps)); AR is exactly 1
    assertEquals(1.0, e.cocoSegm().stats().ap(), 1e-12);
    assertEquals(1.0, e.cocoBbox().stats().ap(), 1e-12);
    assertEquals(1.0, e.cocoSegm().stats().ar100(), 0.0);
    assertEquals(1.0, e.classification().accuracy(), 0.0);
    assertEquals(1.0, e.classification().weightedF1(), 1e-12);
    assertArrayEquals(new double[] {1, 1, 1}, e.classification().auc(), 0.0);
    assertEquals(3, e.groundTruth().annotations().size());
    assertEquals(3, e.detections().size());
    assertEquals(3, e.segmentationSlices());
    assertEquals(3, e.classificationSlices());
  }

  @Test
  void noPredictionsFollowThePaperRulesForEmptyImages() {
    Evaluation e =
        new Evaluator(fake(Map.of(), Map.of()), Evaluator.Options.quiet())
            .evaluate(segmentation(), classification());
    // a.png, b.png: gt without prediction -> skipped; n.png: nothing at all -> AP 1
    assertEquals(1.0, e.paper().ap(), 0.0);
    assertEquals(1, e.paper().imagesScored());
    assertEquals(2, e.paper().imagesSkipped());
    // COCO counts the misses: recall 0, AP 0
    assertEquals(0.0, e.cocoSegm().stats().ap(), 0.0);
    assertEquals(0.0, e.cocoBbox().stats().ar100(), 0.0);
    // always Normal: 1 of 3 right; CP and COVID-19 never predicted -> precision 0, F1 0
    // Normal: P = 1/3, R = 1, F1 = 2 (1/3) / (4/3) = 0.5; weighted F1 = 0.45 * 0.5 = 0.225
    assertEquals(1.0 / 3, e.classification().accuracy(), 1e-12);
    assertEquals(0.225, e.classification().weightedF1(), 1e-12);
    assertArrayEquals(new long[] {1, 0, 0}, e.classification().confusion()[0]);
  }

  @Test
  void aFalseAlarmOnANegativeSliceIsSkippedByThePaperButCountedByCoco() {
    // b.png is found at IoU 1; n.png gets a false alarm; a.png nothing
    Map<String, List<Lesion>> lesions =
        Map.of(
            "b.png", List.of(lesion(square(2, 12, 6), 0.9f)),
            "n.png", List.of(lesion(square(0, 0, 3), 0.99f)));
    Evaluation e =
        new Evaluator(fake(lesions, Map.of()), Evaluator.Options.quiet())
            .evaluate(segmentation(), null);
    assertEquals(1.0, e.paper().ap(), 0.0); // only b.png is scored
    assertEquals(1, e.paper().imagesScored());
    assertEquals(2, e.paper().imagesSkipped());
    // COCO, 3 gts: by score the false alarm (fp) first, then b's lesion (tp):
    // precision (0, 1/2) at recall (0, 1/3), envelope 1/2 up to recall 1/3 -> 34 of 101 points
    // at 1/2: AP50 = 17/101
    assertEquals(17.0 / 101, e.cocoSegm().stats().ap50(), 1e-9);
    assertNull(e.classification());
    assertEquals(0, e.classificationSlices());
  }

  @Test
  void theCocoFilesReproduceTheCocoNumbers(@TempDir Path dir) {
    // what ssm eval --coco-results writes, read back and evaluated from the files alone
    Map<String, List<Lesion>> lesions =
        Map.of(
            "a.png", List.of(lesion(square(1, 1, 4), 0.6f), lesion(square(9, 10, 5), 0.8f)),
            "b.png", List.of(lesion(square(3, 12, 6), 0.9f)),
            "n.png", List.of(lesion(square(0, 0, 3), 0.99f)));
    Evaluation e =
        new Evaluator(fake(lesions, Map.of()), Evaluator.Options.quiet())
            .evaluate(segmentation(), null);
    Path gt = dir.resolve("dt.gt.json");
    Path dt = dir.resolve("dt.json");
    ssm.metrics.CocoFiles.writeGroundTruth(gt, e.groundTruth());
    ssm.metrics.CocoFiles.writeResults(dt, e.detections());
    for (var type : ssm.metrics.CocoEvaluator.IouType.values()) {
      var again =
          ssm.metrics.CocoEvaluator.evaluate(
              ssm.metrics.CocoFiles.readGroundTruth(gt),
              ssm.metrics.CocoFiles.readResults(dt),
              type);
      var mine = type == ssm.metrics.CocoEvaluator.IouType.SEGM ? e.cocoSegm() : e.cocoBbox();
      assertArrayEquals(mine.stats().asArray(), again.stats().asArray(), 0.0, type.label());
    }
    assertTrue(e.cocoSegm().stats().ap() > 0 && e.cocoSegm().stats().ap() < 1);
  }

  @Test
  void limitTakesTheSameSubsetInFileOrder() {
    List<ClassificationExample> items = new ArrayList<>();
    for (int i = 0; i < 60; i++) { // classes cycle 0, 1, 2 as in the synthetic splits
      items.add(new ClassificationExample("s" + i, slice("s" + i), i % 3));
    }
    Items<ClassificationExample> data =
        new Items<>(items.stream().map(ClassificationExample::id).toList(), items);
    List<List<String>> seen = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      List<String> ids = new ArrayList<>();
      SlicePredictor fake = fake(Map.of(), Map.of());
      Evaluation e =
          new Evaluator(
                  s -> {
                    ids.add(s.id());
                    return fake.predict(s);
                  },
                  Evaluator.Options.quiet().withLimit(10))
              .evaluate(null, data);
      assertEquals(10, e.classificationSlices());
      assertNull(e.paper());
      seen.add(ids);
    }
    assertEquals(seen.get(0), seen.get(1));
    List<Integer> indices =
        seen.get(0).stream().map(id -> Integer.parseInt(id.substring(1))).toList();
    assertEquals(indices.stream().sorted().distinct().toList(), indices); // file order, no repeats
    // every class is represented (10 evenly spaced indices, stride 6, would all be class 0)
    assertEquals(3, indices.stream().map(i -> i % 3).distinct().count(), indices.toString());
  }

  @Test
  void subsetOfEverythingIsEverything() {
    assertArrayEquals(new int[] {0, 1, 2}, Evaluator.subset(3, 5, 1));
    assertEquals(4, Evaluator.subset(100, 4, 1).length);
  }

  @Test
  void resizedSlicesAreComparedAtTheirOriginalSize(@TempDir Path dir) {
    // 64x64 synthetic slices read at 32x32: a predictor that returns the gt instances at the
    // ORIGINAL size must score 1, so the gt must be the original-size instances too
    SyntheticCtGenerator.generate(
        dir, new SyntheticCtGenerator.Options(10, 0, 64, 3), (done, total) -> {});
    SegmentationFolder folder =
        new SegmentationFolder(
            dir.resolve("seg/train"),
            ReaderOptions.defaults().withSize(32, 64).withMinLesionArea(20));
    Map<String, List<Lesion>> truth = new HashMap<>();
    for (int i = 0; i < folder.size(); i++) {
      LesionMask.Instances inst = folder.instances(i);
      List<Lesion> ls = new ArrayList<>();
      for (int k = 0; k < inst.count(); k++) {
        byte[] m = java.util.Arrays.copyOfRange(inst.masks(), k * 64 * 64, (k + 1) * 64 * 64);
        Rle rle = Rle.encode(m, 64, 64);
        double[] b = rle.toBbox();
        ls.add(
            new Lesion(
                new float[] {
                  (float) b[0], (float) b[1], (float) (b[0] + b[2]), (float) (b[1] + b[3])
                },
                0.9f - 0.01f * k,
                rle));
      }
      truth.put(folder.id(i), ls);
    }
    Evaluation e =
        new Evaluator(fake(truth, Map.of()), Evaluator.Options.quiet()).evaluate(folder, null);
    assertEquals(8, e.segmentationSlices());
    assertTrue(e.groundTruth().annotations().size() > 0);
    assertEquals(1.0, e.paper().ap(), 0.0);
    assertEquals(1.0, e.cocoSegm().stats().ap(), 1e-12);
    assertEquals(64, e.groundTruth().images().get(0).width());
  }

  @Test
  void reportPartsCarryTheFiguresAndTheEvaluationBlock() {
    Evaluation e =
        new Evaluator(fake(Map.of(), Map.of()), Evaluator.Options.quiet())
            .evaluate(segmentation(), classification());
    Evaluation.Intervals ci = e.intervals();
    assertEquals(1.0, e.segmentationReport(ci).paper().ap(), 0.0);
    assertEquals(e.paper().imagesTotal(), e.segmentationReport(ci).paper().images().total());
    assertEquals("segm", e.segmentationReport(ci).cocoSegm().iouType());
    assertEquals("bbox", e.segmentationReport(ci).cocoBbox().iouType());
    assertEquals(3, e.info().segmentationSlices());
    assertEquals(e.classification().samples(), e.classificationReport(ci).samples());
    assertEquals(e.classification().accuracy(), e.classificationReport(ci).accuracy(), 0.0);
    assertTrue(e.toText().contains("AP@0.5 1.0000"), e.toText());
  }
}
