package ssm.experiments.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import ssm.eval.ClassifiedSlice;
import ssm.slices.ScoredDetection;
import ssm.slices.SegmentedSlice;
import ssm.slices.SliceResults;

class PairedSlicesTest {
  private static final List<String> CLASSES = List.of("Normal", "CP", "COVID-19");

  private static EvaluatedRun run(
      String name, List<SegmentedSlice> seg, List<ClassifiedSlice> cls) {
    return new EvaluatedRun(name, new SliceResults(SliceResults.FORMAT, CLASSES, seg, cls));
  }

  private static ClassifiedSlice cls(String name, int truth, int predicted) {
    return new ClassifiedSlice(name, truth, predicted, new double[] {0.2, 0.3, 0.5});
  }

  private static SegmentedSlice seg(String name, int lesions, double score) {
    return new SegmentedSlice(name, lesions, List.of(new ScoredDetection(score, false)), null);
  }

  @Test
  void theOtherRunIsReadInTheBaselinesOrder() {
    EvaluatedRun a =
        run(
            "a",
            List.of(seg("g1", 1, 0.1), seg("g2", 0, 0.2)),
            List.of(cls("x", 0, 0), cls("y", 2, 1)));
    EvaluatedRun b =
        run(
            "b",
            List.of(seg("g2", 0, 0.4), seg("g1", 1, 0.3)),
            List.of(cls("y", 2, 2), cls("x", 0, 1)));
    PairedSlices p = PairedSlices.of(a, b);
    assertEquals("g1", p.otherSegmentation().get(0).slice());
    assertEquals(0.3, p.otherSegmentation().get(0).detections().get(0).score());
    assertEquals("x", p.otherClassification().get(0).slice());
    assertEquals(1, p.otherClassification().get(0).predictedClass());
  }

  @Test
  void collectionsComeFromTheFileNamesAndSelectTheirPairs() {
    EvaluatedRun a =
        run(
            "a",
            List.of(seg("medseg_1.png", 1, 0.1)),
            List.of(
                cls("2_ucsd_a.png", 2, 2), cls("medseg_2.png", 2, 0), cls("2_ucsd_b.png", 0, 0)));
    EvaluatedRun b =
        run(
            "b",
            List.of(seg("medseg_1.png", 1, 0.7)),
            List.of(
                cls("2_ucsd_b.png", 0, 1), cls("medseg_2.png", 2, 2), cls("2_ucsd_a.png", 2, 2)));
    PairedSlices p = PairedSlices.of(a, b);
    assertEquals(List.of("medseg", "ucsd"), p.collections());
    PairedSlices ucsd = p.within("ucsd");
    assertEquals(List.of(), ucsd.baselineSegmentation());
    assertEquals(List.of(), ucsd.otherSegmentation());
    assertEquals(
        List.of("2_ucsd_a.png", "2_ucsd_b.png"),
        ucsd.otherClassification().stream().map(ClassifiedSlice::slice).toList());
    assertEquals(1, ucsd.otherClassification().get(1).predictedClass());
    PairedSlices medseg = p.within("medseg");
    assertEquals(0.7, medseg.otherSegmentation().get(0).detections().get(0).score());
    assertEquals(2, medseg.otherClassification().get(0).predictedClass());
    assertEquals(0, medseg.baselineClassification().get(0).predictedClass());
  }

  @Test
  void aRecordedCollectionWinsOverTheFileName() {
    // a split's seventh column named the collections; the file names say nothing of them
    ClassifiedSlice x = new ClassifiedSlice("s_1.png", "north", 2, 2, new double[] {0, 0, 1});
    ClassifiedSlice y = new ClassifiedSlice("s_2.png", "south", 0, 0, new double[] {1, 0, 0});
    EvaluatedRun a = run("a", List.of(), List.of(x, y));
    EvaluatedRun b = run("b", List.of(), List.of(y, x));
    PairedSlices p = PairedSlices.of(a, b);
    assertEquals(List.of("north", "south"), p.collections());
    assertEquals(
        List.of("s_2.png"),
        p.within("south").otherClassification().stream().map(ClassifiedSlice::slice).toList());
  }

  @Test
  void anotherGroundTruthIsAnError() {
    EvaluatedRun a = run("a", List.of(seg("g1", 1, 0.1)), List.of());
    EvaluatedRun b = run("b", List.of(seg("g1", 2, 0.1)), List.of());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PairedSlices.of(a, b));
    assertTrue(e.getMessage().startsWith("g1 has 1 lesion(s) in a but 2 in b"), e.getMessage());
  }

  @Test
  void anotherLabelIsAnError() {
    EvaluatedRun a = run("a", List.of(), List.of(cls("x", 0, 0)));
    EvaluatedRun b = run("b", List.of(), List.of(cls("x", 1, 0)));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PairedSlices.of(a, b));
    assertTrue(e.getMessage().startsWith("x is of class 0 in a but 1 in b"), e.getMessage());
  }

  @Test
  void aPartOnlyOneRunEvaluatedIsAnError() {
    EvaluatedRun a = run("a", List.of(), List.of(cls("x", 0, 0)));
    EvaluatedRun b = run("b", List.of(), List.of());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PairedSlices.of(a, b));
    assertTrue(
        e.getMessage()
            .contains(
                "not evaluated on the same classification slices: 1 only in a (x), 0 only in b"),
        e.getMessage());
  }

  @Test
  void aNameTwiceIsAnErrorNamingTheRun() {
    EvaluatedRun a = run("a", List.of(), List.of(cls("x", 0, 0), cls("x", 0, 0)));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PairedSlices.of(a, a));
    assertTrue(
        e.getMessage().startsWith("a: the classification slice x appears twice"), e.getMessage());
  }
}
