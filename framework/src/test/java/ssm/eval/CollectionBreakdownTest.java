package ssm.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ssm.testing.TinySlices.example;
import static ssm.testing.TinySlices.slice;
import static ssm.testing.TinySlices.square;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import ssm.data.ClassificationExample;
import ssm.data.SegmentationExample;
import ssm.metrics.Rle;
import ssm.predict.Lesion;
import ssm.predict.Prediction;
import ssm.testing.TinySlices;
import ssm.testing.TinySlices.Items;

/** Figures per collection, on two collections ("north", "south") of 20x20 slices. */
class CollectionBreakdownTest {
  private static final int S = TinySlices.SIDE;

  private static <T> Items<T> items(Map<String, T> byId) {
    List<String> ids = new ArrayList<>(new java.util.TreeMap<>(byId).keySet());
    return new Items<>(ids, ids.stream().map(byId::get).toList());
  }

  /**
   * north_1: a 4x4 lesion found exactly; north_2: no lesion, nothing found; south_1: a 6x6 lesion
   * of which a 3x3 corner is found (IoU 9/36).
   */
  private static Items<SegmentationExample> segmentation() {
    return items(
        Map.of(
            "north_1.png", example("north_1.png", square(1, 1, 4)),
            "north_2.png", example("north_2.png"),
            "south_1.png", example("south_1.png", square(2, 2, 6))));
  }

  /** north_c2 COVID-19 called COVID-19; south_c0 Normal called Normal; south_c2 called Normal. */
  private static Items<ClassificationExample> classification() {
    return items(
        Map.of(
            "north_c2.png", new ClassificationExample("north_c2.png", slice("north_c2.png"), 2),
            "south_c0.png", new ClassificationExample("south_c0.png", slice("south_c0.png"), 0),
            "south_c2.png", new ClassificationExample("south_c2.png", slice("south_c2.png"), 2)));
  }

  private static Lesion lesion(byte[] mask, float score) {
    Rle rle = Rle.encode(mask, S, S);
    double[] b = rle.toBbox();
    return new Lesion(
        new float[] {(float) b[0], (float) b[1], (float) (b[0] + b[2]), (float) (b[1] + b[3])},
        score,
        rle);
  }

  /** The fake model, counting its calls. */
  private static SlicePredictor model(AtomicInteger calls) {
    Map<String, List<Lesion>> lesions =
        Map.of(
            "north_1.png", List.of(lesion(square(1, 1, 4), 0.9f)),
            "south_1.png", List.of(lesion(square(2, 2, 3), 0.8f)));
    Map<String, Integer> classes = Map.of("north_c2.png", 2);
    return s -> {
      calls.incrementAndGet();
      int c = classes.getOrDefault(s.id(), 0);
      float[] probs = {0.1f, 0.1f, 0.1f};
      probs[c] = 0.8f;
      return new Prediction(
          s.id(), S, S, probs.clone(), probs, lesions.getOrDefault(s.id(), List.of()), null);
    };
  }

  @Test
  void everyFigureIsGivenPerCollection() {
    AtomicInteger calls = new AtomicInteger();
    RecordingPredictor predictor = new RecordingPredictor(model(calls));
    new Evaluator(predictor, Evaluator.Options.quiet()).evaluate(segmentation(), classification());
    List<CollectionFigures> by =
        CollectionBreakdown.evaluate(predictor, segmentation(), classification(), 0, 0.5);
    // six slices, each predicted once although evaluated twice
    assertEquals(6, calls.get());
    assertEquals(
        List.of("north", "south"), by.stream().map(CollectionFigures::collection).toList());

    CollectionFigures north = by.get(0);
    assertEquals(2, north.evaluation().segmentationSlices());
    assertEquals(1, north.evaluation().classificationSlices());
    assertEquals(1.0, north.evaluation().paper().ap50(), 0);
    assertEquals(1.0, north.evaluation().cocoSegm().stats().ap50(), 1e-9);
    // Dice 1 on north_1; north_2 has neither lesion nor detection, left out of the mean
    assertEquals(1.0, north.lesionArea().dice().value(), 0);
    assertEquals(1, north.lesionArea().dice().slices());
    assertEquals(1, north.lesionArea().bothEmpty());
    assertEquals(1.0, north.evaluation().classification().accuracy(), 0);

    CollectionFigures south = by.get(1);
    // IoU 9/36 < 0.5: AP@0.5 0; Dice 2 * 9 / (2 * 9 + 27) = 0.4, sensitivity 9/36
    assertEquals(0.0, south.evaluation().paper().ap50(), 0);
    assertEquals(0.0, south.evaluation().cocoSegm().stats().ap50(), 0);
    assertEquals(0.4, south.lesionArea().dice().value(), 1e-12);
    assertEquals(0.4, south.lesionArea().pooledDice(), 1e-12);
    assertEquals(0.25, south.lesionArea().sensitivity().value(), 1e-12);
    assertEquals(1.0, south.lesionArea().specificity().value(), 0);
    assertEquals(0.5, south.evaluation().classification().accuracy(), 0);
    assertEquals(0.0, south.evaluation().classification().covidVsRest().sensitivity(), 0);

    Map<String, Object> json = south.toJson();
    assertEquals(1, json.get("segmentation_slices"));
    assertEquals(0.0, json.get("paper_ap50"));
    assertEquals(0.5, json.get("accuracy"));
    @SuppressWarnings("unchecked")
    Map<String, Object> covid = (Map<String, Object>) json.get("covid_vs_rest");
    assertEquals(1.0, covid.get("specificity"));
    // north has no COVID-19-negative slice: its specificity is undefined
    @SuppressWarnings("unchecked")
    Map<String, Object> northCovid = (Map<String, Object>) north.toJson().get("covid_vs_rest");
    assertNull(northCovid.get("specificity"));
    assertTrue(south.toTextRow().startsWith("  south "), south.toTextRow());
  }

  @Test
  void aCollectionWithoutClassificationSlicesHasNoClassificationFigures() {
    AtomicInteger calls = new AtomicInteger();
    Items<ClassificationExample> northOnly =
        items(
            Map.of(
                "north_c2.png",
                new ClassificationExample("north_c2.png", slice("north_c2.png"), 2)));
    List<CollectionFigures> by =
        CollectionBreakdown.evaluate(
            new RecordingPredictor(model(calls)), segmentation(), northOnly, 0, 0.5);
    CollectionFigures south = by.get(1);
    assertNull(south.evaluation().classification());
    assertNull(south.toJson().get("accuracy"));
    assertNull(south.toJson().get("covid_vs_rest"));
  }

  @Test
  void oneCollectionPerSetGivesNoBreakdown() {
    Items<SegmentationExample> north =
        items(Map.of("north_1.png", example("north_1.png", square(1, 1, 4))));
    Items<ClassificationExample> south =
        items(
            Map.of(
                "south_c0.png",
                new ClassificationExample("south_c0.png", slice("south_c0.png"), 0)));
    RecordingPredictor predictor = new RecordingPredictor(model(new AtomicInteger()));
    assertTrue(CollectionBreakdown.evaluate(predictor, north, null, 0, 0.5).isEmpty());
    assertTrue(CollectionBreakdown.evaluate(predictor, north, south, 0, 0.5).isEmpty());
    assertFalse(CollectionBreakdown.applies(north, south, 0));
    assertTrue(CollectionBreakdown.applies(segmentation(), south, 0));
  }

  @Test
  void theLimitPicksTheSlicesTheWholeEvaluationScores() {
    // 2 of 3: the subset of Evaluator's seed, grouped by collection
    Map<String, List<Integer>> groups = CollectionBreakdown.groups(segmentation(), 2);
    int[] picked = Evaluator.subset(3, 2, Evaluator.SUBSET_SEED);
    assertEquals(2, groups.values().stream().mapToInt(List::size).sum());
    for (int i : picked) {
      String name = i < 2 ? "north" : "south";
      assertTrue(groups.get(name).contains(i), groups.toString());
    }
  }
}
