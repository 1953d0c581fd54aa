package ssm.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.HistogramProto;

class HistogramsTest {
  private static final double[] LIMITS = Histograms.defaultLimits();

  @Test
  void defaultLimitsAreTensorFlowsTenPercentLadderAroundZero() {
    // 1e-12 * 1.1^k < 1e20 for k = 0..773 (log(1e32) / log(1.1) = 773.1), then DBL_MAX: 775 a side.
    assertEquals(2 * 775 + 1, LIMITS.length);
    assertEquals(0.0, LIMITS[775]);
    assertEquals(1.0e-12, LIMITS[776]);
    assertEquals(1.1e-12, LIMITS[777], 1e-27);
    assertEquals(-1.0e-12, LIMITS[774]);
    assertEquals(Double.MAX_VALUE, LIMITS[LIMITS.length - 1]);
    assertEquals(-Double.MAX_VALUE, LIMITS[0]);
    for (int i = 1; i < LIMITS.length; i++) {
      assertTrue(LIMITS[i - 1] < LIMITS[i]);
      assertEquals(-LIMITS[i - 1], LIMITS[LIMITS.length - i], 0.0);
    }
  }

  @Test
  void bucketIsTheFirstLimitAboveTheValueLikeUpperBound() {
    Random random = new Random(7);
    double[] probes = new double[20_000];
    for (int i = 0; i < probes.length; i++) {
      probes[i] = random.nextGaussian() * Math.pow(10, random.nextInt(40) - 20);
    }
    for (double v : probes) {
      assertEquals(upperBound(v), Histograms.bucketOf(v), "value " + v);
    }
    for (int i = 0; i < LIMITS.length - 1; i++) { // exact limits go to the next bucket
      assertEquals(i + 1, Histograms.bucketOf(LIMITS[i]), "limit " + LIMITS[i]);
    }
    assertEquals(776, Histograms.bucketOf(0.0));
    assertEquals(776, Histograms.bucketOf(1e-13));
    assertEquals(775, Histograms.bucketOf(-1e-13));
  }

  @Test
  void emptyRunsCollapseAndCountsAddUp() {
    // 0 lies in (0, 1e-12]'s bucket (limit 1e-12); 1.0 in the bucket whose limit is the first
    // power 1e-12 * 1.1^k above 1; the empty buckets between and around collapse to one each.
    HistogramProto h = Histograms.of(new float[] {0f, 0f, 1f, Float.NaN});
    assertEquals(3, h.getNum(), "NaN is left out");
    assertEquals(1.0, h.getSum());
    assertEquals(0.0, h.getMin());
    assertEquals(1.0, h.getMax());
    List<Double> limits = h.getBucketLimitList();
    List<Double> counts = h.getBucketList();
    // [empty run up to 0], [0 -> 2 values], [empty run], [1 -> 1 value], [empty run to DBL_MAX]
    assertEquals(List.of(0.0, 2.0, 0.0, 1.0, 0.0), counts);
    assertEquals(0.0, limits.get(0));
    assertEquals(1.0e-12, limits.get(1));
    assertTrue(limits.get(3) > 1.0 && limits.get(3) / 1.1 <= 1.0 * (1 + 1e-9), "" + limits.get(3));
    assertEquals(Double.MAX_VALUE, limits.get(4));
  }

  private static int upperBound(double v) {
    int i = Arrays.binarySearch(LIMITS, v);
    return i < 0 ? -i - 1 : i + 1;
  }
}
