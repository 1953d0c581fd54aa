package ssm.metrics;

import java.util.Arrays;
import java.util.List;
import ssm.util.Check;

/**
 * Image-classification metrics of the paper's Table 3
 * (docs/explanation/model.md#73-classification-metrics) and a few standard extras.
 *
 * <p>Classes are indices {@code 0..K-1} named by {@link #classNames}; the paper's order is (Normal,
 * CP, COVID-19). The confusion matrix has rows = true class, columns = predicted class. Where a
 * ratio is 0/0 (a class never predicted: precision; a class absent from the truth: sensitivity) it
 * is defined as 0, like scikit-learn's {@code zero_division=0}; F1 is 0 when {@code P + R = 0}. AUC
 * is NaN where a class has no positives or no negatives.
 *
 * <p><b>Data with only some classes</b> (e.g. real COVID-19 / non-COVID slices without CP): a class
 * is <em>present</em> when the truth has at least one sample of it ({@link #present}). An absent
 * class has no measured sensitivity, F1 or AUC: they are NaN (null in JSON, "n/a" in text), never a
 * 0 presented as a measurement; its precision stays (a prediction of an absent class is a measured
 * error). The macro F1 averages the present classes; the weighted F1 uses the given weights
 * renormalised over the present classes (identical to the paper's when all are present). {@link
 * #covidVsRest} is always given: the last class against the others.
 *
 * @param classNames the K class names, index order
 * @param confusion K x K counts, rows true, columns predicted
 * @param sensitivity per-class recall {@code TP / (TP + FN)}
 * @param precision per-class {@code TP / (TP + FP)}
 * @param f1 per-class {@code 2 P R / (P + R)}
 * @param accuracy trace / total
 * @param f1Weights the class weights of {@link #weightedF1}
 * @param weightedF1 the paper's {@code sum_c w_c F1_c} (weights renormalised over the classes
 *     present)
 * @param macroF1 unweighted mean of the per-class F1 of the classes present
 * @param auc one-vs-rest ROC AUC per class (NaN where undefined or no probabilities were given)
 * @param samples number of samples
 * @param covidVsRest the last class (COVID-19) against all others
 */
public record ClassificationMetrics(
    List<String> classNames,
    long[][] confusion,
    double[] sensitivity,
    double[] precision,
    double[] f1,
    double accuracy,
    double[] f1Weights,
    double weightedF1,
    double macroF1,
    double[] auc,
    long samples,
    Binary covidVsRest) {

  /**
   * One class (positive) against the rest: counts, sensitivity {@code TP / (TP + FN)}, specificity
   * {@code TN / (TN + FP)}, accuracy, and the ROC AUC of the positive class's probability (NaN
   * without probabilities, positives or negatives). A ratio of 0/0 is NaN.
   */
  public record Binary(String positive, long tp, long fn, long fp, long tn, double auc) {
    public double sensitivity() {
      return ratio(tp, tp + fn);
    }

    public double specificity() {
      return ratio(tn, tn + fp);
    }

    public double accuracy() {
      return ratio(tp + tn, tp + fn + fp + tn);
    }

    private static double ratio(long a, long b) {
      return b == 0 ? Double.NaN : (double) a / b;
    }
  }

  /** Whether class {@code c} occurs in the truth (its sensitivity, F1 and AUC are measured). */
  public boolean present(int c) {
    long n = 0;
    for (long v : confusion[c]) {
      n += v;
    }
    return n > 0;
  }

  /** Names of the classes present in the truth, in index order. */
  public List<String> presentClasses() {
    List<String> out = new java.util.ArrayList<>();
    for (int c = 0; c < classNames.size(); c++) {
      if (present(c)) {
        out.add(classNames.get(c));
      }
    }
    return out;
  }

  /** Whether some class is absent from the truth. */
  public boolean partial() {
    return presentClasses().size() < classNames.size();
  }

  /** The paper's classes, in label order. */
  public static final List<String> PAPER_CLASSES = List.of("Normal", "CP", "COVID-19");

  /** The paper's F1 weights for (Normal, CP, COVID-19). */
  public static final double[] PAPER_F1_WEIGHTS = {0.45, 0.35, 0.20};

  /**
   * Metrics from labels.
   *
   * @param trueLabels true class per sample
   * @param predictedLabels predicted class per sample
   * @param probabilities per-sample class probabilities {@code [n][K]} for the AUC, or null
   */
  public static ClassificationMetrics of(
      List<String> classNames,
      int[] trueLabels,
      int[] predictedLabels,
      float[][] probabilities,
      double[] f1Weights) {
    int k = classNames.size();
    Check.that(
        trueLabels.length == predictedLabels.length,
        "%d true labels but %d predicted labels",
        trueLabels.length,
        predictedLabels.length);
    long[][] confusion = new long[k][k];
    for (int i = 0; i < trueLabels.length; i++) {
      Check.that(
          trueLabels[i] >= 0 && trueLabels[i] < k,
          "true label %d of sample %d is not in 0..%d",
          trueLabels[i],
          i,
          k - 1);
      Check.that(
          predictedLabels[i] >= 0 && predictedLabels[i] < k,
          "predicted label %d of sample %d is not in 0..%d",
          predictedLabels[i],
          i,
          k - 1);
      confusion[trueLabels[i]][predictedLabels[i]]++;
    }
    double[] auc = new double[k];
    Arrays.fill(auc, Double.NaN);
    if (probabilities != null) {
      Check.that(
          probabilities.length == trueLabels.length,
          "%d probability rows for %d samples",
          probabilities.length,
          trueLabels.length);
      for (int c = 0; c < k; c++) {
        double[] scores = new double[trueLabels.length];
        boolean[] positive = new boolean[trueLabels.length];
        for (int i = 0; i < scores.length; i++) {
          Check.that(
              probabilities[i].length == k,
              "sample %d has %d probabilities for %d classes",
              i,
              probabilities[i].length,
              k);
          scores[i] = probabilities[i][c];
          positive[i] = trueLabels[i] == c;
        }
        auc[c] = rocAuc(scores, positive);
      }
    }
    return fromConfusion(classNames, confusion, f1Weights, auc);
  }

  /**
   * The last class (COVID-19 in the paper's order) against the rest, from a confusion matrix; the
   * AUC is the one-vs-rest AUC of that class (given, or NaN).
   */
  static Binary lastVersusRest(List<String> classNames, long[][] confusion, double auc) {
    int k = classNames.size();
    int pos = k - 1;
    long tp = 0;
    long fn = 0;
    long fp = 0;
    long tn = 0;
    for (int t = 0; t < k; t++) {
      for (int p = 0; p < k; p++) {
        long v = confusion[t][p];
        if (t == pos) {
          if (p == pos) {
            tp += v;
          } else {
            fn += v;
          }
        } else if (p == pos) {
          fp += v;
        } else {
          tn += v;
        }
      }
    }
    return new Binary(classNames.get(pos), tp, fn, fp, tn, auc);
  }

  /** Metrics from a confusion matrix (rows true, columns predicted); AUC is given or null. */
  public static ClassificationMetrics fromConfusion(
      List<String> classNames, long[][] confusion, double[] f1Weights, double[] auc) {
    int k = classNames.size();
    Check.that(
        confusion.length == k, "confusion matrix has %d rows for %d classes", confusion.length, k);
    Check.that(f1Weights.length == k, "%d F1 weights for %d classes", f1Weights.length, k);
    long[] rowSum = new long[k];
    long[] colSum = new long[k];
    long total = 0;
    long trace = 0;
    for (int t = 0; t < k; t++) {
      Check.that(
          confusion[t].length == k, "confusion row %d has %d columns", t, confusion[t].length);
      for (int p = 0; p < k; p++) {
        rowSum[t] += confusion[t][p];
        colSum[p] += confusion[t][p];
        total += confusion[t][p];
      }
      trace += confusion[t][t];
    }
    double[] sensitivity = new double[k];
    double[] precision = new double[k];
    double[] f1 = new double[k];
    double weighted = 0;
    double weightSum = 0;
    double macro = 0;
    int present = 0;
    for (int c = 0; c < k; c++) {
      long tp = confusion[c][c];
      precision[c] = colSum[c] == 0 ? 0 : (double) tp / colSum[c];
      if (rowSum[c] == 0 && total > 0) { // absent from the truth: nothing to measure
        sensitivity[c] = Double.NaN;
        f1[c] = Double.NaN;
        continue;
      }
      sensitivity[c] = rowSum[c] == 0 ? 0 : (double) tp / rowSum[c];
      double sum = precision[c] + sensitivity[c];
      f1[c] = sum == 0 ? 0 : 2 * precision[c] * sensitivity[c] / sum;
      weighted += f1Weights[c] * f1[c];
      weightSum += f1Weights[c];
      macro += f1[c];
      present++;
    }
    if (present < k && weightSum > 0) {
      weighted /= weightSum; // the weights renormalised over the classes present
    }
    long[][] copy = new long[k][];
    for (int t = 0; t < k; t++) {
      copy[t] = confusion[t].clone();
    }
    double[] aucCopy = new double[k];
    Arrays.fill(aucCopy, Double.NaN);
    if (auc != null) {
      aucCopy = auc.clone();
    }
    for (int c = 0; c < k; c++) {
      if (rowSum[c] == 0) {
        aucCopy[c] = Double.NaN;
      }
    }
    return new ClassificationMetrics(
        List.copyOf(classNames),
        copy,
        sensitivity,
        precision,
        f1,
        total == 0 ? Double.NaN : (double) trace / total,
        f1Weights.clone(),
        weighted,
        present == 0 ? Double.NaN : macro / present,
        aucCopy,
        total,
        k == 0 ? null : lastVersusRest(classNames, confusion, aucCopy[k - 1]));
  }

  /**
   * ROC AUC as the Mann-Whitney statistic: the fraction of (positive, negative) pairs in which the
   * positive scores higher, ties counting 1/2; NaN without positives or without negatives.
   */
  public static double rocAuc(double[] scores, boolean[] positive) {
    int n = scores.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
    long positives = 0;
    double rankSum = 0; // sum of average ranks (1-based) of the positives
    int i = 0;
    while (i < n) {
      int j = i;
      while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
        j++;
      }
      double averageRank = (i + 1 + j + 1) / 2.0;
      for (int r = i; r <= j; r++) {
        if (positive[order[r]]) {
          positives++;
          rankSum += averageRank;
        }
      }
      i = j + 1;
    }
    long negatives = n - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    return (rankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }
}
