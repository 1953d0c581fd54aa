package ssm.events;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.proto.HistogramProto;

/**
 * Histograms as TensorFlow's own {@code HistogramSummary} op builds them
 * (tensorflow/core/lib/histogram/histogram.cc): the default bucket limits grow by 10% from 1e-12 to
 * 1e20 on both sides of zero ({@code -DBL_MAX ... -1e-12, 0, 1e-12 ... DBL_MAX}); a value goes to
 * the first bucket whose limit exceeds it; runs of empty buckets are collapsed into one, as {@code
 * EncodeToProto(proto, preserve_zero_buckets=false)} does.
 */
public final class Histograms {
  private static final double[] DEFAULT_LIMITS = computeDefaultLimits();
  private static final double LOG_GROWTH = Math.log(1.1);

  private Histograms() {}

  /** TensorFlow's default bucket limits (1,549 of them), ascending. */
  public static double[] defaultLimits() {
    return DEFAULT_LIMITS.clone();
  }

  private static double[] computeDefaultLimits() {
    List<Double> positive = new ArrayList<>();
    for (double v = 1.0e-12; v < 1.0e20; v *= 1.1) {
      positive.add(v);
    }
    positive.add(Double.MAX_VALUE);
    double[] limits = new double[2 * positive.size() + 1];
    int n = positive.size();
    for (int i = 0; i < n; i++) {
      limits[n - 1 - i] = -positive.get(i);
      limits[n + 1 + i] = positive.get(i);
    }
    limits[n] = 0.0;
    return limits;
  }

  /**
   * The histogram of the finite entries of {@code values}; NaN and infinities are left out (the NaN
   * guard reports them), so {@code num} counts finite values only.
   */
  public static HistogramProto of(float[] values) {
    double[] counts = new double[DEFAULT_LIMITS.length];
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    double sum = 0;
    double sumSquares = 0;
    long num = 0;
    for (float f : values) {
      if (!Float.isFinite(f)) {
        continue;
      }
      double v = f;
      counts[bucketOf(v)]++;
      min = Math.min(min, v);
      max = Math.max(max, v);
      sum += v;
      sumSquares += v * v;
      num++;
    }
    HistogramProto.Builder h =
        HistogramProto.newBuilder().setMin(min).setMax(max).setNum(num).setSum(sum);
    h.setSumSquares(sumSquares);
    for (int i = 0; i < counts.length; ) {
      double end = DEFAULT_LIMITS[i];
      double count = counts[i];
      i++;
      if (count <= 0.0) {
        while (i < counts.length && counts[i] <= 0.0) {
          end = DEFAULT_LIMITS[i];
          count = counts[i];
          i++;
        }
      }
      h.addBucketLimit(end).addBucket(count);
    }
    return h.build();
  }

  /**
   * The index of the first limit strictly greater than {@code v} (C++ {@code upper_bound}): a guess
   * from the logarithm, corrected by stepping until it is exact.
   */
  static int bucketOf(double v) {
    double[] limits = DEFAULT_LIMITS;
    int zero = limits.length / 2;
    int guess = zero + 1;
    double a = Math.abs(v);
    if (a >= 1.0e-12) {
      int k = (int) Math.floor(Math.log(a / 1.0e-12) / LOG_GROWTH);
      guess = v > 0 ? zero + 2 + k : zero - 1 - k;
      guess = Math.max(0, Math.min(limits.length - 1, guess));
    }
    while (guess > 0 && limits[guess - 1] > v) {
      guess--;
    }
    while (limits[guess] <= v) {
      guess++;
    }
    return guess;
  }
}
