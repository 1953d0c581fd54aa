package ssm.experiments.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import ssm.eval.ClassifiedSlice;
import ssm.experiments.tables.PaperTables;
import ssm.slices.ScoredDetection;
import ssm.slices.SegmentedSlice;
import ssm.slices.SliceResults;

/**
 * Hand-made per-slice files: 40 classification slices (20 COVID-19, 20 Normal); run A gets all but
 * slices 0 and 1 right, and every run gives every slice the same probabilities (so each AUC
 * comparison is a difference of exactly 0, p = 1). B is clearly worse, C not shown to differ, D
 * cannot be separated from A at all.
 */
class SignificanceTableTest {
  private static final int SLICES = 40;

  /** A run wrong on exactly the slices {@code wrong}. */
  private static EvaluatedRun run(String name, Set<Integer> wrong) {
    List<ClassifiedSlice> cls = new ArrayList<>();
    for (int i = 0; i < SLICES; i++) {
      int truth = i % 2 == 0 ? 2 : 0;
      int predicted = wrong.contains(i) ? 1 : truth;
      double covid = 0.05 + 0.9 * ((i * 7) % SLICES) / SLICES; // the same for every run
      cls.add(
          new ClassifiedSlice(
              "c" + i + ".png", truth, predicted, new double[] {1 - covid, 0, covid}));
    }
    return new EvaluatedRun(
        name,
        new SliceResults(SliceResults.FORMAT, List.of("Normal", "CP", "COVID-19"), List.of(), cls));
  }

  private static Set<Integer> range(int from, int to, Integer... more) {
    Set<Integer> s = new java.util.TreeSet<>(List.of(more));
    for (int i = from; i < to; i++) {
      s.add(i);
    }
    return s;
  }

  private static SeededRun one(EvaluatedRun r) {
    return new SeededRun(r.name(), List.of(r));
  }

  // A wrong on 0, 1 (38/40); B wrong on 0..16 (23/40): 15 slices only A gets right, none only B
  // C wrong on 2..7 (34/40): 6 only A, 2 (slices 0, 1) only C; D wrong on 1, 2, 3 (37/40): 2 only
  // A, 1 (slice 0) only D
  private static final List<SeededRun> RUNS =
      List.of(
          one(run("A", range(0, 2))),
          one(run("B", range(0, 17))),
          one(run("C", range(2, 8))),
          one(run("D", range(1, 4))));

  @Test
  void oneSeedEachUsesTheStandardTestsAndHolmOverTheTable() {
    SignificanceTable.Marks m = SignificanceTable.DEFAULT.marks(RUNS, null);
    assertFalse(m.seeded());
    assertEquals(List.of(RunComparator.ACCURACY, RunComparator.AUC), m.figures());
    assertEquals("A", m.against().get(RunComparator.ACCURACY)); // 0.95, the best
    assertEquals("A", m.against().get(RunComparator.AUC)); // all equal: the first
    ComparisonReport r = m.report();
    assertEquals(6, r.rows().size()); // B, C, D on each of 2 figures
    // B: exact McNemar 15 vs 0: p = 2 x 0.5^15 = 6.1035e-5
    assertEquals(2 * Math.pow(0.5, 15), r.rows().get(0).p(), 1e-12);
    // C: 2 vs 6 of 8: p = 2 x (1 + 8 + 28) / 256 = 0.2890625
    assertEquals(74.0 / 256, r.rows().get(1).p(), 1e-12);
    // D: 3 discordant slices: no p (even 3 vs 0 gives 0.25)
    assertTrue(Double.isNaN(r.rows().get(2).p()));
    // AUC: the same probabilities, difference 0, p = 1
    for (int i = 3; i < 6; i++) {
      assertEquals(1.0, r.rows().get(i).p(), 1e-12);
    }
    // Holm over 5 p-values (D's accuracy is out): 6.1035e-5 x 5 = 3.0518e-4; 0.289 x 4 > 1 -> 1
    assertEquals(5, r.family());
    assertEquals(5 * 2 * Math.pow(0.5, 15), r.adjusted(0), 1e-12);
    assertEquals(1.0, r.adjusted(1), 1e-12);
    assertEquals("*", SignificanceTable.mark(r, 0));
    assertEquals("n/s", SignificanceTable.mark(r, 1));
    assertTrue(
        SignificanceTable.mark(r, 2).startsWith("n/s: cannot separate: 3 discordant slice(s)"),
        SignificanceTable.mark(r, 2));
    assertEquals("n/s", SignificanceTable.mark(r, 3));
  }

  @Test
  void theTableNamesItsTestAndItsFamily() {
    PaperTables.Table t = SignificanceTable.DEFAULT.table(RUNS, null, "variant");
    String md = t.markdown();
    assertTrue(md.startsWith("**Significance.**"), md);
    assertTrue(md.contains("Accuracy by the exact McNemar test"), md);
    assertTrue(md.contains("over the 5 test(s) of this table"), md);
    assertTrue(
        md.contains(
            "| accuracy | A | 0.950 | B | 0.575 | -0.375 | [-0.525, -0.225] | < 0.001 | < 0.001 | *"
                + " | exact McNemar: 0 slice(s) only this run got right, 15 only the baseline |"),
        md);
    assertTrue(md.contains("| accuracy | A | 0.950 | C | 0.850 | -0.100 |"), md);
    assertTrue(md.contains("| 0.289 | 1.000 | n/s |"), md);
  }

  @Test
  void aRunScoredOnNoSliceWithLesionsIsNotTheBestOnThePapersAp() {
    // E predicts nothing: the paper's rule skips its 2 slices with lesions and scores its empty
    // slice 1; F finds one of the two lesions (AP 1 there, 0 on the other, 1 on the empty slice).
    EvaluatedRun e = segmented("E", null, null);
    EvaluatedRun f = segmented("F", 1.0, 0.0);
    SignificanceTable.Marks m = SignificanceTable.DEFAULT.marks(List.of(one(e), one(f)), null);
    assertEquals("F", m.against().get(RunComparator.PAPER_AP50));
    assertEquals("F", m.against().get(RunComparator.COCO_AP50));
  }

  /** Two slices with one lesion each (paper AP {@code ap1}, {@code ap2}), one empty slice. */
  private static EvaluatedRun segmented(String name, Double ap1, Double ap2) {
    List<ScoredDetection> found = ap1 == null ? List.of() : List.of(new ScoredDetection(0.9, true));
    List<ScoredDetection> missed =
        ap2 == null ? List.of() : List.of(new ScoredDetection(0.8, false));
    List<SegmentedSlice> seg =
        List.of(
            new SegmentedSlice("s1.png", 1, found, ap1),
            new SegmentedSlice("s2.png", 1, missed, ap2),
            new SegmentedSlice("s3.png", 0, List.of(), 1.0));
    return new EvaluatedRun(
        name,
        new SliceResults(SliceResults.FORMAT, List.of("Normal", "CP", "COVID-19"), seg, List.of()));
  }

  @Test
  void aNamedBaselineReplacesTheBest() {
    SignificanceTable.Marks m = SignificanceTable.DEFAULT.marks(RUNS, "C");
    assertEquals("C", m.against().get(RunComparator.ACCURACY));
    // A against C: 6 slices only A gets right, 2 only C: the same p as C against A
    assertEquals("A", m.report().rows().get(0).run());
    assertEquals(74.0 / 256, m.report().rows().get(0).p(), 1e-12);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> SignificanceTable.DEFAULT.marks(RUNS, "E"));
    assertEquals(
        "--baseline E: no evaluated run of that name here; the runs are A, B, C, D",
        e.getMessage());
  }

  @Test
  void oneRunHasNothingToCompare() {
    assertNull(SignificanceTable.DEFAULT.table(RUNS.subList(0, 1), null, "variant"));
  }

  @Test
  void severalSeedsUseTheSeedAveragedBootstrap() {
    // A: two seeds, both as A; B: two seeds wrong on 0..16 and 0..18 (means 23/40 and 21/40)
    // E: two seeds that differ from A's only on slice 5 (one seed wrong there)
    SeededRun a = new SeededRun("A", List.of(run("A", range(0, 2)), run("A", range(0, 2))));
    SeededRun b = new SeededRun("B", List.of(run("B", range(0, 17)), run("B", range(0, 19))));
    SeededRun e = new SeededRun("E", List.of(run("E", range(0, 2, 5)), run("E", range(0, 2))));
    SignificanceTable.Marks m = SignificanceTable.DEFAULT.marks(List.of(a, b, e), null);
    assertTrue(m.seeded());
    FigureComparison vsB = m.report().rows().get(0);
    assertEquals(0.95, vsB.baseline(), 1e-12);
    assertEquals((23 + 21) / 80.0, vsB.value(), 1e-12);
    // every draw holds some of the 17 slices B's seeds lose (a draw missing all of them has
    // probability (23/40)^40 = 2.5e-10): no draw at or above 0, p = 2 (1 + 0) / (2000 + 1)
    assertEquals(2.0 / 2001, vsB.p(), 1e-12);
    assertTrue(m.report().significant(0));
    // E differs on 1 of 40 slices: draws missing it keep p at 2 (39/40)^40 = 0.73: no p
    FigureComparison vsE = m.report().rows().get(1);
    assertTrue(Double.isNaN(vsE.p()));
    assertTrue(
        vsE.note().startsWith("cannot separate: the runs' seeds differ on 1 of 40"), vsE.note());
    assertEquals(0.95 - 0.5 / 40, vsE.value(), 1e-12);
  }
}
