package ssm.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationMetricsTest {
  private static final List<String> CLASSES = ClassificationMetrics.PAPER_CLASSES;
  private static final double[] W = ClassificationMetrics.PAPER_F1_WEIGHTS;

  @Test
  void referenceReadmeConfusionMatrixGivesThePaperRow() {
    // The reference README matrix for SSM-S R18** (rows true Normal, CP, COVID-19):
    //   row sums 9450, 7395, 4346 (total 21191); column sums 9523, 7539, 4129; trace 20503
    //   sensitivity 9322/9450 = 0.98646, 7139/7395 = 0.96538, 4042/4346 = 0.93005
    //   accuracy 20503/21191 = 0.96753  (paper: 98.64 / 96.53 / 93.00, 96.75)
    //   F1_c = 2 TP / (row + col): 18644/18973, 14278/14934, 8084/8475
    //   weighted F1 = 0.45*0.98266 + 0.35*0.95607 + 0.20*0.95386 = 0.96760 (paper 0.9676)
    long[][] m = {{9322, 123, 5}, {174, 7139, 82}, {27, 277, 4042}};
    ClassificationMetrics r = ClassificationMetrics.fromConfusion(CLASSES, m, W, null);
    assertArrayEquals(
        new double[] {9322.0 / 9450, 7139.0 / 7395, 4042.0 / 4346}, r.sensitivity(), 1e-15);
    assertArrayEquals(
        new double[] {9322.0 / 9523, 7139.0 / 7539, 4042.0 / 4129}, r.precision(), 1e-15);
    assertEquals(20503.0 / 21191, r.accuracy(), 1e-15);
    double f1Normal = 18644.0 / 18973;
    double f1Cp = 14278.0 / 14934;
    double f1Covid = 8084.0 / 8475;
    assertArrayEquals(new double[] {f1Normal, f1Cp, f1Covid}, r.f1(), 1e-12);
    assertEquals(0.45 * f1Normal + 0.35 * f1Cp + 0.20 * f1Covid, r.weightedF1(), 1e-12);
    assertEquals(0.9676, r.weightedF1(), 5e-5);
    // The paper TRUNCATES percentages to 2 decimals: 98.6455 -> 98.64, 96.5382 -> 96.53
    assertEquals(98.64, truncatedPercent(r.sensitivity()[0]), 1e-9);
    assertEquals(96.53, truncatedPercent(r.sensitivity()[1]), 1e-9);
    assertEquals(93.00, truncatedPercent(r.sensitivity()[2]), 1e-9);
    assertEquals(96.75, truncatedPercent(r.accuracy()), 1e-9);
    assertEquals((f1Normal + f1Cp + f1Covid) / 3, r.macroF1(), 1e-12);
    assertEquals(21191, r.samples());
  }

  @Test
  void twoClassDataMeasuresOnlyThePresentClassesAndCovidVersusRest() {
    // Normal and COVID-19 only (no CP), by hand:
    //   true   0    0    0    2    2
    //   pred   0    2    0    2    0
    //   p_cov  0.1  0.6  0.3  0.8  0.4
    // rows: Normal [2, 0, 1], CP [0, 0, 0], COVID-19 [1, 0, 1]; accuracy 3/5
    // Normal: sensitivity 2/3, precision 2/3, F1 2/3; COVID-19: 1/2, 1/2, 1/2; CP: not measured
    // macro F1 (2/3 + 1/2) / 2 = 7/12; weighted (0.45 * 2/3 + 0.20 * 1/2) / (0.45 + 0.20)
    // COVID-19 vs rest: TP 1, FN 1, FP 1, TN 2: sensitivity 1/2, specificity 2/3, accuracy 3/5
    // AUC: positives 0.8, 0.4 against negatives 0.1, 0.6, 0.3: 3 + 2 of 6 pairs = 5/6
    float[] p = {0.1f, 0.6f, 0.3f, 0.8f, 0.4f};
    float[][] probabilities = new float[5][];
    for (int i = 0; i < 5; i++) {
      probabilities[i] = new float[] {1 - p[i], 0, p[i]};
    }
    ClassificationMetrics r =
        ClassificationMetrics.of(
            CLASSES, new int[] {0, 0, 0, 2, 2}, new int[] {0, 2, 0, 2, 0}, probabilities, W);
    assertEquals(List.of("Normal", "COVID-19"), r.presentClasses());
    assertTrue(r.partial());
    assertEquals(2.0 / 3, r.sensitivity()[0], 1e-12);
    assertTrue(Double.isNaN(r.sensitivity()[1]));
    assertTrue(Double.isNaN(r.f1()[1]));
    assertTrue(Double.isNaN(r.auc()[1]));
    assertEquals(0.0, r.precision()[1], 0.0); // CP never predicted: 0/0 -> 0
    assertEquals(0.5, r.sensitivity()[2], 1e-12);
    assertEquals(0.6, r.accuracy(), 1e-12);
    assertEquals(7.0 / 12, r.macroF1(), 1e-12);
    assertEquals((0.45 * 2 / 3 + 0.20 * 0.5) / 0.65, r.weightedF1(), 1e-12);
    ClassificationMetrics.Binary v = r.covidVsRest();
    assertEquals("COVID-19", v.positive());
    assertArrayEquals(new long[] {1, 1, 1, 2}, new long[] {v.tp(), v.fn(), v.fp(), v.tn()});
    assertEquals(0.5, v.sensitivity(), 1e-12);
    assertEquals(2.0 / 3, v.specificity(), 1e-12);
    assertEquals(0.6, v.accuracy(), 1e-12);
    assertEquals(5.0 / 6, v.auc(), 1e-12);
  }

  @Test
  void allThreeClassesPresentKeepThePaperFormulasAndStillGiveCovidVersusRest() {
    long[][] m = {{9322, 123, 5}, {174, 7139, 82}, {27, 277, 4042}};
    ClassificationMetrics r = ClassificationMetrics.fromConfusion(CLASSES, m, W, null);
    assertTrue(!r.partial());
    ClassificationMetrics.Binary v = r.covidVsRest();
    // TP 4042, FN 27 + 277, FP 5 + 82, TN 9322 + 123 + 174 + 7139
    assertArrayEquals(
        new long[] {4042, 304, 87, 16758}, new long[] {v.tp(), v.fn(), v.fp(), v.tn()});
    assertEquals(16758.0 / (16758 + 87), v.specificity(), 1e-12);
    assertTrue(Double.isNaN(v.auc()));
  }

  private static double truncatedPercent(double fraction) {
    return Math.floor(10000 * fraction) / 100;
  }

  @Test
  void confusionFromLabels() {
    // true  0 0 1 1 2 2
    // pred  0 1 1 1 2 0  -> rows [1,1,0], [0,2,0], [1,0,1]; accuracy 4/6
    ClassificationMetrics r =
        ClassificationMetrics.of(
            CLASSES, new int[] {0, 0, 1, 1, 2, 2}, new int[] {0, 1, 1, 1, 2, 0}, null, W);
    assertArrayEquals(new long[] {1, 1, 0}, r.confusion()[0]);
    assertArrayEquals(new long[] {0, 2, 0}, r.confusion()[1]);
    assertArrayEquals(new long[] {1, 0, 1}, r.confusion()[2]);
    assertEquals(4.0 / 6, r.accuracy(), 1e-15);
    // Normal: P = 1/2, R = 1/2, F1 = 1/2; CP: P = 2/3, R = 1, F1 = 4/5; COVID: P = 1, R = 1/2, F1 =
    // 2/3
    assertArrayEquals(new double[] {0.5, 0.8, 2.0 / 3}, r.f1(), 1e-15);
    assertEquals(0.45 * 0.5 + 0.35 * 0.8 + 0.20 * 2.0 / 3, r.weightedF1(), 1e-15);
    assertTrue(Double.isNaN(r.auc()[0]), "no probabilities, no AUC");
  }

  @Test
  void classNeverPredictedHasZeroPrecisionAndF1() {
    // COVID-19 (2) never predicted: precision 0/0 := 0, recall 0/2 = 0, F1 := 0 (P + R = 0)
    ClassificationMetrics r =
        ClassificationMetrics.of(CLASSES, new int[] {0, 1, 2, 2}, new int[] {0, 1, 0, 1}, null, W);
    assertEquals(0, r.precision()[2], 0);
    assertEquals(0, r.sensitivity()[2], 0);
    assertEquals(0, r.f1()[2], 0);
    // Normal: P = 1/2, R = 1 -> F1 2/3; CP likewise 2/3 -> weighted = (0.45 + 0.35) * 2/3
    assertEquals(0.8 * 2.0 / 3, r.weightedF1(), 1e-15);
    assertEquals(0.5, r.accuracy(), 0);
  }

  @Test
  void aucCountsTiesAsHalf() {
    // positives score {0.9, 0.4}, negatives {0.4, 0.1}: pairs 1 + 1 + 1/2 + 1 = 3.5 of 4 -> 0.875
    double auc =
        ClassificationMetrics.rocAuc(
            new double[] {0.9, 0.4, 0.4, 0.1}, new boolean[] {true, true, false, false});
    assertEquals(0.875, auc, 0);
    // all scores equal: every pair a tie -> 1/2
    assertEquals(
        0.5,
        ClassificationMetrics.rocAuc(
            new double[] {0.3, 0.3, 0.3}, new boolean[] {true, false, false}),
        0);
    // no negatives: undefined
    assertTrue(
        Double.isNaN(ClassificationMetrics.rocAuc(new double[] {0.1}, new boolean[] {true})));
  }

  @Test
  void aucPerClassFromProbabilities() {
    // 3 samples, true 0, 1, 1. Class 0 scores (0.8, 0.1, 0.3): its positive beats both -> 1.
    // Class 1 scores (0.1, 0.6, 0.05): pairs (0.6 > 0.1) = 1, (0.05 < 0.1) = 0 -> 1/2.
    // Class 2 has no positives -> NaN.
    float[][] p = {{0.8f, 0.1f, 0.1f}, {0.1f, 0.6f, 0.3f}, {0.3f, 0.05f, 0.65f}};
    ClassificationMetrics r =
        ClassificationMetrics.of(CLASSES, new int[] {0, 1, 1}, new int[] {0, 1, 2}, p, W);
    assertEquals(1.0, r.auc()[0], 0);
    assertEquals(0.5, r.auc()[1], 0);
    assertTrue(Double.isNaN(r.auc()[2]));
  }
}
