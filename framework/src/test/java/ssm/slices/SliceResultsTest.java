package ssm.slices;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ssm.testing.TinySlices.example;
import static ssm.testing.TinySlices.slice;
import static ssm.testing.TinySlices.square;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssm.data.ClassificationExample;
import ssm.data.SegmentationExample;
import ssm.eval.ClassifiedSlice;
import ssm.eval.Evaluation;
import ssm.eval.Evaluator;
import ssm.eval.SlicePredictor;
import ssm.metrics.Rle;
import ssm.predict.Lesion;
import ssm.predict.Prediction;
import ssm.testing.TinySlices;
import ssm.testing.TinySlices.Items;

class SliceResultsTest {
  private static final int S = TinySlices.SIDE;

  private static Lesion lesion(byte[] mask, float score) {
    Rle rle = Rle.encode(mask, S, S);
    double[] b = rle.toBbox();
    return new Lesion(
        new float[] {(float) b[0], (float) b[1], (float) (b[0] + b[2]), (float) (b[1] + b[3])},
        score,
        rle);
  }

  /** Lesions per slice id; class probabilities per slice id (others: Normal 0.8). */
  private static SlicePredictor fake(
      Map<String, List<Lesion>> lesions, Map<String, float[]> probs) {
    return s -> {
      float[] p = probs.getOrDefault(s.id(), new float[] {0.8f, 0.1f, 0.1f});
      int best = 0;
      for (int c = 1; c < p.length; c++) {
        best = p[c] > p[best] ? c : best;
      }
      return new Prediction(
          s.id(),
          s.originalHeight(),
          s.originalWidth(),
          p.clone(),
          p.clone(),
          lesions.getOrDefault(s.id(), List.of()),
          null);
    };
  }

  /**
   * a.png: lesions 4x4 at (1,1) and 5x5 at (10,10); detections: the first lesion exactly (0.9), a
   * 4x4 at (10,10) (IoU 16/25 = 0.64 with the second, 0.6), a stray 3x3 at (15,1) (0.7). b.png:
   * lesion 6x6 at (2,12), no detection. n.png: nothing at all.
   *
   * <pre>
   * a.png COCO order by score: 0.9 hit, 0.7 miss, 0.6 hit
   *       paper AP@0.5: precisions 1, 1/2, 2/3 at recalls 1/2, 1/2, 1 -> envelope 1, 2/3, 2/3:
   *       AP = 1/2 * 1 + 1/2 * 2/3 = 5/6
   * b.png lesions but no detection: the paper skips it (null); COCO counts its lesion
   * n.png neither: the paper scores 1
   * </pre>
   */
  @Test
  void anEvaluationKeepsEverySliceInOrder(@TempDir Path dir) {
    Items<SegmentationExample> seg =
        new Items<>(
            List.of("a.png", "b.png", "n.png"),
            List.of(
                example("a.png", square(1, 1, 4), square(10, 10, 5)),
                example("b.png", square(2, 12, 6)),
                example("n.png")));
    Items<ClassificationExample> cls =
        new Items<>(
            List.of("c0.png", "c2.png"),
            List.of(
                new ClassificationExample("c0.png", slice("c0.png"), 0),
                new ClassificationExample("c2.png", slice("c2.png"), 2)));
    Map<String, List<Lesion>> lesions =
        Map.of(
            "a.png",
            List.of(
                lesion(square(1, 1, 4), 0.9f),
                lesion(square(10, 10, 4), 0.6f),
                lesion(square(15, 1, 3), 0.7f)));
    Map<String, float[]> probs = Map.of("c2.png", new float[] {0.25f, 0.5f, 0.25f});
    Evaluation e =
        new Evaluator(fake(lesions, probs), Evaluator.Options.quiet()).evaluate(seg, cls);

    SliceResults r = SliceResults.of(e);
    assertEquals(SliceResults.FORMAT, r.format());
    assertEquals(List.of("Normal", "CP", "COVID-19"), r.classes());
    SegmentedSlice a = r.segmentation().get(0);
    assertEquals("a.png", a.slice());
    assertEquals(2, a.lesions());
    assertEquals(
        List.of(
            new ScoredDetection(0.8999999761581421, true), // the float score 0.9f
            new ScoredDetection(0.699999988079071, false),
            new ScoredDetection(0.6000000238418579, true)),
        a.detections());
    assertEquals(5.0 / 6, a.paperAp50(), 1e-6);
    assertEquals("b.png", r.segmentation().get(1).slice());
    assertNull(r.segmentation().get(1).paperAp50());
    assertEquals(1.0, r.segmentation().get(2).paperAp50());
    // the recomputed figures are metrics.json's
    int[] all = {0, 1, 2};
    assertEquals(e.paper().ap50(), SubsetFigures.paperAp50(r.segmentation(), all), 1e-12);
    assertEquals(e.cocoSegm().stats().ap50(), SubsetFigures.cocoAp50(r.segmentation(), all), 1e-12);

    ClassifiedSlice c2 = r.classification().get(1);
    assertEquals("c2.png", c2.slice());
    assertEquals(2, c2.trueClass());
    assertEquals(1, c2.predictedClass());
    assertArrayEquals(new double[] {0.25, 0.5, 0.25}, c2.probabilities(), 0.0);
    assertEquals(0.5, SubsetFigures.accuracy(r.classification(), new int[] {0, 1}));

    Path file = dir.resolve(SliceResultsFile.FILE_NAME);
    SliceResultsFile.write(file, r);
    SliceResults back = SliceResultsFile.read(file);
    assertEquals(r.segmentation(), back.segmentation());
    assertEquals(r.classes(), back.classes());
    assertArrayEquals(
        r.classification().get(1).probabilities(), back.classification().get(1).probabilities());
    assertEquals("c0.png", back.classification().get(0).slice());
  }

  @Test
  void anotherFormatOrVersionIsRefusedNamingTheFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("slices.json");
    Files.writeString(
        file, "{\"format\": \"ssm-slices/9\", \"classes\": [], \"segmentation\": []}");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SliceResultsFile.read(file));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(
        e.getMessage().contains("'ssm-slices/9', expected 'ssm-slices/2' or 'ssm-slices/1'"),
        e.getMessage());
  }

  @Test
  void theFirstVersionIsReadWithCollectionsFromTheFileNames(@TempDir Path dir) throws IOException {
    Path file =
        versionOne(
            dir,
            "{\"slice\": \"medseg_001.png\", \"lesions\": 1, \"detections\": [], \"paper_ap50\":"
                + " null}",
            "{\"slice\": \"2_ucsd_covid_7.png\", \"true_class\": 2, \"predicted_class\": 0,"
                + " \"probabilities\": [0.5, 0.25, 0.25]}");
    SliceResults r = SliceResultsFile.read(file);
    assertEquals(SliceResults.FORMAT, r.format());
    assertEquals("medseg", r.segmentation().get(0).collection());
    assertEquals("ucsd", r.classification().get(0).collection());
  }

  @Test
  void aRecordedCollectionSurvivesTheRoundTrip(@TempDir Path dir) {
    ClassifiedSlice c = new ClassifiedSlice("x_1.png", "hospitalB", 2, 2, new double[] {0, 0, 1});
    Path file = dir.resolve("slices.json");
    SliceResultsFile.write(
        file,
        new SliceResults(
            SliceResults.FORMAT, List.of("Normal", "CP", "COVID-19"), List.of(), List.of(c)));
    assertEquals("hospitalB", SliceResultsFile.read(file).classification().get(0).collection());
  }

  @Test
  void aBadRecordIsRefusedNamingTheFileAndTheSlice(@TempDir Path dir) throws IOException {
    Path file =
        versionOne(
            dir,
            "",
            "{\"slice\": \"x.png\", \"true_class\": 5, \"predicted_class\": 0,"
                + " \"probabilities\": [0.5, 0.25, 0.25]}");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SliceResultsFile.read(file));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("x.png: true class 5"), e.getMessage());
  }

  /** A version-1 slices.json in {@code dir} holding one record per part (none where empty). */
  private static Path versionOne(Path dir, String segmentation, String classification)
      throws IOException {
    return Files.writeString(
        dir.resolve("slices.json"),
        "{\"format\": \"ssm-slices/1\", \"classes\": [\"Normal\", \"CP\", \"COVID-19\"],"
            + " \"segmentation\": ["
            + segmentation
            + "], \"classification\": ["
            + classification
            + "]}");
  }

  @Test
  void aMissingFileSaysWhatWritesIt(@TempDir Path dir) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SliceResultsFile.read(dir.resolve("slices.json")));
    assertTrue(e.getMessage().contains("written by ssm eval and ssm grid"), e.getMessage());
  }
}
