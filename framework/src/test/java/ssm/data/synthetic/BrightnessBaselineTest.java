package ssm.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * The synthetic classes are not separable by brightness: the best 1-D classifier (two thresholds,
 * any assignment of the 3 classes to the 3 intervals) fitted on the train split's mean intensity
 * (or a percentile) stays below 50% on the test split (chance 33%).
 */
class BrightnessBaselineTest {
  private static final int CLS = 600; // 360 train, 120 val, 120 test
  private static final int SIZE = 128;

  @Test
  void meanAndPercentilesDoNotGiveTheClass() {
    var o = new SyntheticCtGenerator.Options(0, CLS, SIZE, 11);
    int train = (int) Math.round(CLS * 0.6);
    int testFrom = train + (int) Math.round(CLS * 0.2);
    double[][] features = new double[CLS][];
    int[] labels = new int[CLS];
    for (int i = 0; i < CLS; i++) {
      SyntheticCtSlice.Rendered r = SyntheticCtGenerator.clsSlice(o, i);
      features[i] = features(r.image());
      labels[i] = r.label();
    }
    String[] names = {"mean", "median", "p90", "p99"};
    StringBuilder report = new StringBuilder();
    for (int f = 0; f < names.length; f++) {
      final int k = f;
      double[] x = Arrays.stream(features).mapToDouble(v -> v[k]).toArray();
      double[] fit = fit(x, labels, 0, train);
      double acc = accuracy(fit, x, labels, testFrom, CLS);
      report.append(String.format("%s: test accuracy %.1f%%; ", names[f], 100 * acc));
      if (f == 0) {
        assertTrue(acc < 0.5, "mean intensity classifies too well: " + report);
      }
    }
    System.out.println("brightness baseline (size " + SIZE + ", " + CLS + " slices): " + report);
  }

  /** mean, median, 90th and 99th percentile of the 8-bit image, in [0, 255]. */
  static double[] features(byte[] image) {
    int[] hist = new int[256];
    long sum = 0;
    for (byte b : image) {
      hist[b & 0xff]++;
      sum += b & 0xff;
    }
    return new double[] {
      (double) sum / image.length,
      percentile(hist, image.length, 0.5),
      percentile(hist, image.length, 0.9),
      percentile(hist, image.length, 0.99)
    };
  }

  private static double percentile(int[] hist, int n, double q) {
    long acc = 0;
    for (int v = 0; v < 256; v++) {
      acc += hist[v];
      if (acc >= q * n) {
        return v;
      }
    }
    return 255;
  }

  /**
   * Best {t1, t2, class below t1, class in [t1, t2), class from t2} on items [from, to): exhaustive
   * over cut points between sorted values and the 6 class orders.
   */
  static double[] fit(double[] x, int[] labels, int from, int to) {
    Integer[] idx = new Integer[to - from];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = from + i;
    }
    Arrays.sort(idx, Comparator.comparingDouble((ToDoubleFunction<Integer>) i -> x[i]));
    int n = idx.length;
    int[][] prefix = new int[3][n + 1];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < 3; c++) {
        prefix[c][i + 1] = prefix[c][i] + (labels[idx[i]] == c ? 1 : 0);
      }
    }
    int[][] orders = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
    int best = -1;
    double[] fit = null;
    for (int a = 0; a <= n; a++) {
      for (int b = a; b <= n; b++) {
        for (int[] ord : orders) {
          int correct =
              prefix[ord[0]][a]
                  + prefix[ord[1]][b]
                  - prefix[ord[1]][a]
                  + prefix[ord[2]][n]
                  - prefix[ord[2]][b];
          if (correct > best) {
            best = correct;
            fit = new double[] {cut(x, idx, a), cut(x, idx, b), ord[0], ord[1], ord[2]};
          }
        }
      }
    }
    return fit;
  }

  private static double cut(double[] x, Integer[] idx, int a) {
    if (a == 0) {
      return Double.NEGATIVE_INFINITY;
    }
    if (a == idx.length) {
      return Double.POSITIVE_INFINITY;
    }
    return 0.5 * (x[idx[a - 1]] + x[idx[a]]);
  }

  static double accuracy(double[] fit, double[] x, int[] labels, int from, int to) {
    int correct = 0;
    for (int i = from; i < to; i++) {
      int predicted = x[i] < fit[0] ? (int) fit[2] : x[i] < fit[1] ? (int) fit[3] : (int) fit[4];
      correct += predicted == labels[i] ? 1 : 0;
    }
    return (double) correct / (to - from);
  }
}
