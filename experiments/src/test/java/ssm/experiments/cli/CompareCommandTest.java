package ssm.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssm.eval.ClassifiedSlice;
import ssm.slices.ScoredDetection;
import ssm.slices.SegmentedSlice;
import ssm.slices.SliceResults;
import ssm.slices.SliceResultsFile;

/**
 * Three hand-made runs on 9 classification slices (s1-s3 COVID-19, s4-s7 Normal, s8-s9 CP) and 4
 * segmentation slices (one lesion each):
 *
 * <pre>
 * A (baseline): right only on s8, s9; lesions found on g1, g2 (0.9, 0.8), missed on g3, g4
 *               (detections 0.7, 0.6 that match nothing)
 * B: right on all 9; all four lesions found (0.9, 0.8, 0.7, 0.6)
 * C: A, but wrong on s9; the same detections as A
 * All three give every COVID-19 slice a higher COVID-19 probability than every other slice, and
 * the same COVID-19 probabilities: AUC 1 for each, difference 0, variance 0, p = 1.
 *
 * B vs A accuracy 2/9 -> 9/9: 7 slices only B got right, none only A: McNemar p = 2 * 0.5^7 =
 *   0.015625; difference 7/9 = 0.778, Wald interval 0.778 +- 1.96 sqrt(7 - 49/9)/9 = 0.778 +-
 *   0.272 -> [0.506, 1.049], the upper end clipped to 1.
 * C vs A accuracy 2/9 -> 1/9: 1 discordant slice: no split of 1 can reach p < 0.05 (6 are
 *   needed): no p-value.
 * COCO AP50: A by score 0.9 hit, 0.8 hit, 0.7 miss, 0.6 miss of 4 lesions: recall 1/4, 1/2, 1/2,
 *   1/2 at precision 1, 1, 2/3, 1/2: thresholds 0.00..0.50 (51 of 101) read precision 1, the rest
 *   0: AP50 = 51/101 = 0.505; B: precision 1 all the way: 1.000. Difference +0.495.
 * Paper AP@0.5: A 1, 1, 0, 0 -> 0.5; B 1 on each -> 1. Per draw the difference is the share of
 *   draws from g3, g4: never below 0, 0 when neither is drawn ((1/2)^4 = 1/16 of the draws), 1
 *   when only they are (1/16): interval [0, 1]. Only 2 of the 4 slices differ, so p stays at 2/16
 *   = 0.125 or above: no p-value, the same for COCO AP50. C has A's detections: no slice differs.
 * Holm family: B's accuracy 0.015625 and AUC 1, C's AUC 1: m = 3; the smallest 0.015625 x 3 =
 *   0.047 < 0.05: B's accuracy is marked.
 * </pre>
 */
class CompareCommandTest {
  private static ClassifiedSlice slice(int i, int truth, int predicted, double... p) {
    return new ClassifiedSlice("s" + i + ".png", truth, predicted, p);
  }

  private static List<ClassifiedSlice> runA(boolean wrongOnS9) {
    return List.of(
        slice(1, 2, 0, 0.5, 0.1, 0.4),
        slice(2, 2, 1, 0.05, 0.5, 0.45),
        slice(3, 2, 0, 0.6, 0.02, 0.38),
        slice(4, 0, 1, 0.3, 0.5, 0.2),
        slice(5, 0, 1, 0.4, 0.5, 0.1),
        slice(6, 0, 1, 0.3, 0.4, 0.3),
        slice(7, 0, 1, 0.2, 0.6, 0.2),
        slice(8, 1, 1, 0.15, 0.8, 0.05),
        wrongOnS9 ? slice(9, 1, 0, 0.45, 0.4, 0.15) : slice(9, 1, 1, 0.25, 0.6, 0.15));
  }

  private static List<ClassifiedSlice> runB() {
    return List.of(
        slice(1, 2, 2, 0.3, 0.3, 0.4),
        slice(2, 2, 2, 0.3, 0.25, 0.45),
        slice(3, 2, 2, 0.31, 0.31, 0.38),
        slice(4, 0, 0, 0.5, 0.3, 0.2),
        slice(5, 0, 0, 0.6, 0.3, 0.1),
        slice(6, 0, 0, 0.4, 0.3, 0.3),
        slice(7, 0, 0, 0.5, 0.3, 0.2),
        slice(8, 1, 1, 0.15, 0.8, 0.05),
        slice(9, 1, 1, 0.25, 0.6, 0.15));
  }

  private static List<SegmentedSlice> segmentation(boolean allFound) {
    List<SegmentedSlice> out = new ArrayList<>();
    double[] scores = {0.9, 0.8, 0.7, 0.6};
    for (int i = 0; i < 4; i++) {
      boolean hit = allFound || i < 2;
      out.add(
          new SegmentedSlice(
              "g" + (i + 1) + ".png",
              1,
              List.of(new ScoredDetection(scores[i], hit)),
              hit ? 1.0 : 0.0));
    }
    return out;
  }

  private static Path write(
      Path dir, String name, List<SegmentedSlice> seg, List<ClassifiedSlice> cls) {
    Path run = dir.resolve(name);
    SliceResultsFile.write(
        run.resolve(SliceResultsFile.FILE_NAME),
        new SliceResults(SliceResults.FORMAT, List.of("Normal", "CP", "COVID-19"), seg, cls));
    return run;
  }

  /** What {@code ssm compare ARGS} prints, once it has exited with 0. */
  private static String compare(String... args) {
    CliCapture cli = new CliCapture();
    String[] line = new String[args.length + 1];
    line[0] = "compare";
    System.arraycopy(args, 0, line, 1, args.length);
    assertEquals(0, cli.run(line), cli.err.toString());
    return cli.out.toString();
  }

  @Test
  void eachRunAgainstTheFirstWithItsTestIntervalAndHolm(@TempDir Path dir) {
    Path a = write(dir, "a", segmentation(false), runA(false));
    Path b = write(dir, "b", segmentation(true), runB());
    Path c = write(dir, "c", segmentation(false), runA(true));
    String out = compare(a.toString(), b.toString(), c.toString());
    assertTrue(
        out.contains(
            "| "
                + b
                + " | accuracy | 0.222 | 1.000 | +0.778 | [+0.506, +1.000] | 0.016 | 0.047 | * |"
                + " exact McNemar: 7 slice(s) only this run got right, 0 only the baseline |"),
        out);
    assertTrue(
        out.contains(
            "| "
                + b
                + " | COVID-19-vs-rest AUC | 1.000 | 1.000 | +0.000 | [+0.000, +0.000] | 1.000 |"
                + " 1.000 |  | DeLong: 3 positive, 6 negative slice(s) |"),
        out);
    assertTrue(
        out.contains(
            "| " + b + " | COCO segm AP50 | 0.505 | 1.000 | +0.495 | [+0.000, +1.000] | n/a ["),
        out);
    assertTrue(
        out.contains(
            "| " + b + " | paper AP@0.5 | 0.500 | 1.000 | +0.500 | [+0.000, +1.000] | n/a ["),
        out);
    assertTrue(
        out.contains(
            b
                + ", paper AP@0.5: cannot separate: the runs differ on 2 of 4 slice(s); draws"
                + " missing all of them (6% on average) keep p at 0.13 or above"),
        out);
    assertTrue(
        out.contains("| " + c + " | accuracy | 0.222 | 0.111 | -0.111 | [-0.316, +0.094] | n/a ["),
        out);
    assertTrue(
        out.contains(
            c
                + ", accuracy: cannot separate: 1 discordant slice(s); even all on one side needs 6"
                + " for p < 0.05"),
        out);
    assertTrue(
        out.contains(c + ", COCO segm AP50: cannot separate: the runs differ on 0 of 4"), out);
    assertTrue(out.contains("over the 3 p-value(s)"), out);
  }

  /** The slices renamed into two collections: alpha (s1-s7) and beta (s8, s9). */
  private static List<ClassifiedSlice> inTwoCollections(List<ClassifiedSlice> slices) {
    List<ClassifiedSlice> out = new ArrayList<>();
    for (int i = 0; i < slices.size(); i++) {
      ClassifiedSlice s = slices.get(i);
      out.add(
          new ClassifiedSlice(
              (i < 7 ? "alpha_" : "beta_") + s.slice(),
              s.trueClass(),
              s.predictedClass(),
              s.probabilities()));
    }
    return out;
  }

  /**
   * By collection: alpha holds s1-s7, where A is right on none and B on all: McNemar 7 vs 0, p =
   * 0.015625; its AUC 1 against 1 (p = 1). beta holds s8, s9, both right in both runs: 0
   * discordant, and no COVID-19 slice for an AUC. The segmentation slices g1-g4 are collection g.
   * Holm over alpha's 2 p-values: 0.015625 x 2 = 0.031 < 0.05, marked.
   */
  @Test
  void byCollectionComparesWithinEachCollection(@TempDir Path dir) {
    Path a = write(dir, "a", segmentation(false), inTwoCollections(runA(false)));
    Path b = write(dir, "b", segmentation(true), inTwoCollections(runB()));
    String out = compare("--by-collection", a.toString(), b.toString());
    assertTrue(
        out.contains(
            "| "
                + b
                + " | accuracy (alpha) | 0.000 | 1.000 | +1.000 | [+1.000, +1.000] | 0.016 | 0.031 |"
                + " * | exact McNemar: 7 slice(s) only this run got right, 0 only the baseline |"),
        out);
    assertTrue(
        out.contains("| " + b + " | accuracy (beta) | 1.000 | 1.000 | +0.000 | [+0.000, +0.000] |"),
        out);
    assertTrue(
        out.contains(
            b + ", accuracy (beta): cannot separate: 0 discordant slice(s); even all on one side"),
        out);
    assertTrue(
        out.contains(
            b
                + ", COVID-19-vs-rest AUC (beta): not testable: DeLong needs at least 2 positive"
                + " and 2 negative slices"),
        out);
    assertTrue(out.contains("| " + b + " | COCO segm AP50 (g) | 0.505 | 1.000 |"), out);
    assertTrue(out.contains("over the 2 p-value(s)"), out);
  }

  @Test
  void theBaselineCanBeNamed(@TempDir Path dir) {
    Path a = write(dir, "a", segmentation(false), runA(false));
    Path b = write(dir, "b", segmentation(true), runB());
    CliCapture cli = new CliCapture();
    assertEquals(0, cli.run("compare", a.toString(), b.toString(), "--baseline", b.toString()));
    String out = cli.out.toString();
    assertTrue(out.contains("Against " + b), out);
    // A against B: the signs turn
    assertTrue(out.contains("| " + a + " | accuracy | 1.000 | 0.222 | -0.778 |"), out);
  }

  @Test
  void runsOnOtherSlicesAreAnErrorNamingBoth(@TempDir Path dir) {
    Path a = write(dir, "a", segmentation(false), runA(false));
    List<ClassifiedSlice> renamed = new ArrayList<>(runB());
    renamed.set(8, new ClassifiedSlice("t9.png", 1, 1, new double[] {0.25, 0.6, 0.15}));
    Path b = write(dir, "b", segmentation(true), renamed);
    CliCapture cli = new CliCapture();
    int code = cli.run("compare", a.toString(), b.toString());
    assertEquals(Main.EXIT_FAILURE, code);
    assertTrue(
        cli.err
            .toString()
            .contains(
                a
                    + " and "
                    + b
                    + " were not evaluated on the same classification slices: 1 only in "
                    + a
                    + " (s9.png), 1 only in "
                    + b
                    + " (t9.png)"),
        cli.err.toString());
  }

  @Test
  void aRunWithoutPerSliceResultsIsNamed(@TempDir Path dir) {
    Path a = write(dir, "a", segmentation(false), runA(false));
    CliCapture cli = new CliCapture();
    int code = cli.run("compare", a.toString(), dir.resolve("old-run").toString());
    assertEquals(Main.EXIT_FAILURE, code);
    assertTrue(cli.err.toString().contains("old-run"), cli.err.toString());
    assertTrue(cli.err.toString().contains("no per-slice results"), cli.err.toString());
  }

  @Test
  void helpNamesTheTests() {
    CliCapture cli = new CliCapture();
    assertEquals(0, cli.run("compare", "--help"));
    String out = cli.out.toString().replaceAll("\\s+", " ");
    assertTrue(out.contains("exact McNemar test"), out);
    assertTrue(out.contains("its 95% interval") && !out.contains("%%"), out);
    assertTrue(cli.err.toString().isEmpty(), cli.err.toString());
  }
}
