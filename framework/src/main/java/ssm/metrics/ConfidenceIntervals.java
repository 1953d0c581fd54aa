package ssm.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import ssm.util.Check;

/**
 * 95% intervals of the test figures, so that a table read off a few dozen slices says how far its
 * numbers may be from the truth: Wilson's score interval for a proportion (accuracy), and the
 * percentile bootstrap over test slices for the APs (slices drawn with replacement, the metric
 * recomputed on each draw). The bootstrap is seeded: the same inputs give the same interval.
 */
public final class ConfidenceIntervals {
  /** The normal quantile of a two-sided 95% interval. */
  public static final double Z95 = 1.959963984540054;

  /** Bootstrap draws of {@link #paperAp50} and {@link #cocoAp50}. */
  public static final int RESAMPLES = 1000;

  private static final long SEED = 20201;

  private ConfidenceIntervals() {}

  /** A two-sided 95% interval; NaN bounds when there is nothing to estimate from. */
  public record Interval(double low, double high) {
    static final Interval NONE = new Interval(Double.NaN, Double.NaN);

    public boolean defined() {
      return !Double.isNaN(low) && !Double.isNaN(high);
    }
  }

  /**
   * Wilson's score interval of a proportion: {@code (p + z^2/2n +- z sqrt(p(1-p)/n + z^2/4n^2)) /
   * (1 + z^2/n)}, {@code p = successes / n}.
   */
  public static Interval wilson(long successes, long n) {
    Check.that(
        n >= 0 && successes >= 0 && successes <= n,
        "wilson(%s, %s): need 0 <= successes" + " <= n",
        successes,
        n);
    if (n == 0) {
      return Interval.NONE;
    }
    double p = successes / (double) n;
    double z2 = Z95 * Z95;
    double centre = p + z2 / (2 * n);
    double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
    double d = 1 + z2 / n;
    return new Interval(Math.max(0, (centre - half) / d), Math.min(1, (centre + half) / d));
  }

  /**
   * The paper's per-image mask AP@0.5 ({@link PaperAp#evaluate}: mean over scored slices, a
   * lesion-free slice without predictions scoring 1) over bootstrap draws of the slices.
   */
  public static Interval paperAp50(List<PaperAp.Image> images) {
    double[] value = new double[images.size()]; // NaN: skipped by the paper's rule
    for (int i = 0; i < images.size(); i++) {
      PaperAp.Image im = images.get(i);
      boolean noGt = im.groundTruths().isEmpty();
      boolean noPred = im.predictions().isEmpty();
      value[i] =
          noGt && noPred
              ? 1
              : noGt || noPred ? Double.NaN : PaperAp.imageAp(im, new double[] {0.5})[0];
    }
    SplittableRandom random = new SplittableRandom(SEED);
    double[] stats = new double[RESAMPLES];
    for (int b = 0; b < RESAMPLES; b++) {
      double sum = 0;
      int scored = 0;
      for (int i = 0; i < value.length; i++) {
        double v = value[random.nextInt(value.length)];
        if (!Double.isNaN(v)) {
          sum += v;
          scored++;
        }
      }
      stats[b] = scored == 0 ? Double.NaN : sum / scored;
    }
    return percentiles(stats);
  }

  /**
   * COCO AP@0.5 ({@code stats[1]}, {@link CocoEvaluator}) over bootstrap draws of the images: a
   * slice drawn twice enters twice, under a new image id, with its ground truth and detections.
   * {@link #RESAMPLES} draws unless {@code resamples} says fewer (COCO evaluation is the costly
   * part).
   */
  public static Interval cocoAp50(
      CocoDataset gt,
      List<CocoDetection> detections,
      CocoEvaluator.IouType iouType,
      int resamples) {
    List<CocoImage> images = gt.images();
    if (images.isEmpty()) {
      return Interval.NONE;
    }
    Map<Long, List<CocoAnnotation>> annotations = new HashMap<>();
    gt.annotations()
        .forEach(a -> annotations.computeIfAbsent(a.imageId(), k -> new ArrayList<>()).add(a));
    Map<Long, List<CocoDetection>> byImage = new HashMap<>();
    detections.forEach(d -> byImage.computeIfAbsent(d.imageId(), k -> new ArrayList<>()).add(d));
    SplittableRandom random = new SplittableRandom(SEED);
    double[] stats = new double[resamples];
    for (int b = 0; b < resamples; b++) {
      List<CocoImage> drawnImages = new ArrayList<>(images.size());
      List<CocoAnnotation> drawnGt = new ArrayList<>();
      List<CocoDetection> drawnDetections = new ArrayList<>();
      long annotationId = 1;
      for (int i = 0; i < images.size(); i++) {
        CocoImage im = images.get(random.nextInt(images.size()));
        long id = i + 1;
        drawnImages.add(new CocoImage(id, im.width(), im.height(), im.fileName()));
        for (CocoAnnotation a : annotations.getOrDefault(im.id(), List.of())) {
          drawnGt.add(
              new CocoAnnotation(
                  annotationId++,
                  id,
                  a.categoryId(),
                  a.segmentation(),
                  a.bbox(),
                  a.area(),
                  a.iscrowd()));
        }
        for (CocoDetection d : byImage.getOrDefault(im.id(), List.of())) {
          drawnDetections.add(
              new CocoDetection(id, d.categoryId(), d.score(), d.segmentation(), d.bbox()));
        }
      }
      double ap50 =
          CocoEvaluator.evaluate(
                  new CocoDataset(drawnImages, drawnGt, gt.categories()), drawnDetections, iouType)
              .stats()
              .ap50();
      stats[b] = ap50 < 0 ? Double.NaN : ap50; // -1: no ground truth drawn
    }
    return percentiles(stats);
  }

  /** The 2.5th and 97.5th percentiles (linear interpolation) of the defined values. */
  static Interval percentiles(double[] values) {
    double[] v = Arrays.stream(values).filter(x -> !Double.isNaN(x)).sorted().toArray();
    if (v.length == 0) {
      return Interval.NONE;
    }
    return new Interval(quantile(v, 0.025), quantile(v, 0.975));
  }

  private static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }
}
