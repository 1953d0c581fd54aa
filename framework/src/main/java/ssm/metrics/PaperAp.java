package ssm.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import ssm.util.Check;

/**
 * The paper's segmentation AP (docs/explanation/model.md#71-paper-ap): per-image mask average
 * precision with the semantics of Matterport Mask R-CNN {@code utils.compute_ap} / {@code
 * compute_matches}, averaged over the test images.
 *
 * <p>Per image: predictions in descending score order; each takes, among the not yet matched ground
 * truths in descending IoU order, the first one of its own class, stopping as soon as the IoU drops
 * below the threshold. Precision and recall at every prediction, the 0/1 sentinels, the precision
 * envelope from the right, and AP = sum over recall steps of {@code (r_i - r_{i-1}) p_i}.
 *
 * <p>Over images: an image with no ground truth and no prediction scores 1; an image with only one
 * of the two is skipped (counted in {@link Result#imagesSkipped}). This is not the COCO
 * dataset-level AP of {@link CocoEvaluator}; see docs/reference/metrics.md.
 */
public final class PaperAp {
  /**
   * The IoU thresholds 0.50, 0.55, ..., 0.95 exactly as Matterport's {@code np.arange(0.5, 1.0,
   * 0.05)} produces them ({@code 0.5 + i * (0.55 - 0.5)}, so 0.6000000000000001 and so on); the
   * last digit decides only IoUs that fall exactly on a threshold.
   */
  public static final double[] IOU_THRESHOLDS = arange(0.5, 1.0, 0.05);

  private PaperAp() {}

  /** One ground-truth instance: class id and binary mask. */
  public record GroundTruth(int classId, Rle mask) {}

  /** One predicted instance: class id, score and mask already binarised ({@code p > 0.5}). */
  public record Prediction(int classId, double score, Rle mask) {}

  /** Everything the metric needs about one test image. */
  public record Image(List<GroundTruth> groundTruths, List<Prediction> predictions) {
    public Image {
      groundTruths = List.copyOf(groundTruths);
      predictions = List.copyOf(predictions);
    }
  }

  /**
   * The mean over images of the per-image AP.
   *
   * @param ap50 mean AP at IoU 0.5
   * @param ap75 mean AP at IoU 0.75
   * @param ap mean over the ten thresholds 0.50:0.05:0.95 of the mean AP (equal to the mean over
   *     images of each image's threshold-averaged AP, since the same images count at every
   *     threshold)
   * @param apPerThreshold mean AP at each of {@link #IOU_THRESHOLDS}
   * @param imagesScored images that entered the mean (both empty, or both present)
   * @param imagesEmpty of those, images with no gt and no prediction, each scored 1
   * @param imagesSkipped images with gt but no prediction, or predictions but no gt
   * @param imagesTotal all images given
   */
  public record Result(
      double ap50,
      double ap75,
      double ap,
      double[] apPerThreshold,
      int imagesScored,
      int imagesEmpty,
      int imagesSkipped,
      int imagesTotal) {}

  /**
   * The paper's per-image inputs from a COCO ground truth and result list, one {@link Image} per
   * ground-truth image in file order: crowd annotations are left out (the paper has none), masks
   * rasterised at the image size, each prediction keeping its category and score.
   */
  public static List<Image> imagesFrom(CocoDataset gt, List<CocoDetection> detections) {
    java.util.Map<Long, List<GroundTruth>> gts = new java.util.LinkedHashMap<>();
    java.util.Map<Long, List<Prediction>> preds = new java.util.HashMap<>();
    java.util.Map<Long, CocoImage> byId = new java.util.HashMap<>();
    for (CocoImage i : gt.images()) {
      gts.put(i.id(), new ArrayList<>());
      preds.put(i.id(), new ArrayList<>());
      byId.put(i.id(), i);
    }
    for (CocoAnnotation a : gt.annotations()) {
      CocoImage i = byId.get(a.imageId());
      Check.that(
          i != null,
          "annotation %d refers to image %d, which is not in the images",
          a.id(),
          a.imageId());
      Check.that(a.segmentation() != null, "annotation %d has no segmentation", a.id());
      if (!a.iscrowd()) {
        gts.get(i.id())
            .add(new GroundTruth(a.categoryId(), a.segmentation().toRle(i.height(), i.width())));
      }
    }
    for (CocoDetection d : detections) {
      CocoImage i = byId.get(d.imageId());
      Check.that(
          i != null,
          "a detection refers to image %d, which is not in the ground truth",
          d.imageId());
      Check.that(
          d.segmentation() != null, "a detection on image %d has no segmentation", d.imageId());
      preds
          .get(i.id())
          .add(
              new Prediction(
                  d.categoryId(), d.score(), d.segmentation().toRle(i.height(), i.width())));
    }
    List<Image> images = new ArrayList<>(gts.size());
    gts.forEach((id, g) -> images.add(new Image(g, preds.get(id))));
    return images;
  }

  /** numpy arange for floats: {@code start + i * ((start + step) - start)} while below stop. */
  static double[] arange(double start, double stop, double step) {
    int n = (int) Math.ceil((stop - start) / step);
    double delta = (start + step) - start;
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = start + i * delta;
    }
    return values;
  }

  /** Evaluates a test set; the AP fields are NaN when no image can be scored. */
  public static Result evaluate(List<Image> images) {
    double[] sum = new double[IOU_THRESHOLDS.length];
    int scored = 0;
    int empty = 0;
    int skipped = 0;
    for (Image image : images) {
      boolean noGt = image.groundTruths().isEmpty();
      boolean noPred = image.predictions().isEmpty();
      if (noGt && noPred) {
        empty++;
        scored++;
        for (int t = 0; t < sum.length; t++) {
          sum[t] += 1;
        }
      } else if (noGt || noPred) {
        skipped++; // only one of gt and prediction: left out
        // (docs/explanation/model.md#71-paper-ap)
      } else {
        scored++;
        double[] ap = imageAp(image, IOU_THRESHOLDS);
        for (int t = 0; t < sum.length; t++) {
          sum[t] += ap[t];
        }
      }
    }
    double[] mean = new double[sum.length];
    double overall = 0;
    for (int t = 0; t < sum.length; t++) {
      mean[t] = scored == 0 ? Double.NaN : sum[t] / scored;
      overall += mean[t];
    }
    overall /= sum.length;
    return new Result(mean[0], mean[5], overall, mean, scored, empty, skipped, images.size());
  }

  /**
   * Per-image AP at each threshold, for an image with at least one ground truth and at least one
   * prediction (Matterport compute_ap).
   */
  public static double[] imageAp(Image image, double[] iouThresholds) {
    Check.that(
        !image.groundTruths().isEmpty() && !image.predictions().isEmpty(),
        "per-image AP needs at least one ground truth and one prediction");
    List<Prediction> preds = sortedByScore(image.predictions());
    List<GroundTruth> gts = image.groundTruths();
    List<Rle> predMasks = new ArrayList<>(preds.size());
    for (Prediction p : preds) {
      predMasks.add(p.mask());
    }
    List<Rle> gtMasks = new ArrayList<>(gts.size());
    for (GroundTruth g : gts) {
      gtMasks.add(g.mask());
    }
    double[][] overlaps = Rle.iou(predMasks, gtMasks, null);
    for (double[] row : overlaps) {
      for (int j = 0; j < row.length; j++) {
        // Matterport compute_overlaps_masks works in float32: 12/15 becomes 0.800000011920929,
        // which passes the 0.8000000000000003 threshold. Counts below 2^24 are exact in float32,
        // and rounding the double quotient to float equals float32 division for such counts.
        row[j] = (float) row[j];
      }
    }
    double[] ap = new double[iouThresholds.length];
    for (int t = 0; t < iouThresholds.length; t++) {
      int[] predMatch = match(preds, gts, overlaps, iouThresholds[t]);
      ap[t] = averagePrecision(predMatch, gts.size());
    }
    return ap;
  }

  /**
   * Predictions by descending score. Matterport uses {@code np.argsort(scores)[::-1]}, which for
   * the short arrays numpy sorts stably puts equal scores in reverse input order; we do the same,
   * always, so ties are deterministic.
   */
  static List<Prediction> sortedByScore(List<Prediction> predictions) {
    Integer[] order = ascendingStableOrder(predictions.size(), i -> predictions.get(i).score());
    List<Prediction> sorted = new ArrayList<>(predictions.size());
    for (int i = order.length - 1; i >= 0; i--) {
      sorted.add(predictions.get(order[i]));
    }
    return sorted;
  }

  private interface Key {
    double of(int index);
  }

  private static Integer[] ascendingStableOrder(int n, Key key) {
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(key::of)); // TimSort: stable
    return order;
  }

  /** Matterport compute_matches: for each prediction (score order) the index of its gt, or -1. */
  static int[] match(
      List<Prediction> preds, List<GroundTruth> gts, double[][] overlaps, double iouThreshold) {
    int[] gtMatch = new int[gts.size()];
    Arrays.fill(gtMatch, -1);
    int[] predMatch = new int[preds.size()];
    Arrays.fill(predMatch, -1);
    for (int i = 0; i < preds.size(); i++) {
      double[] row = overlaps[i];
      // np.argsort(overlaps[i])[::-1]: IoU descending, equal IoUs in reverse gt order
      Integer[] order = ascendingStableOrder(gts.size(), j -> row[j]);
      for (int r = order.length - 1; r >= 0; r--) {
        int j = order[r];
        if (gtMatch[j] > -1) {
          continue;
        }
        if (row[j] < iouThreshold) {
          break;
        }
        if (preds.get(i).classId() == gts.get(j).classId()) {
          gtMatch[j] = i;
          predMatch[i] = j;
          break;
        }
      }
    }
    return predMatch;
  }

  /** Matterport compute_ap from the matches: the area under the monotone precision steps. */
  static double averagePrecision(int[] predMatch, int gtCount) {
    int n = predMatch.length;
    double[] precisions = new double[n + 2];
    double[] recalls = new double[n + 2];
    int tp = 0;
    for (int i = 0; i < n; i++) {
      if (predMatch[i] > -1) {
        tp++;
      }
      precisions[i + 1] = (double) tp / (i + 1);
      // Matterport divides in float32: cumsum(...).astype(np.float32) / len(gt_match)
      recalls[i + 1] = (float) tp / (float) gtCount;
    }
    recalls[n + 1] = 1;
    for (int i = n; i >= 0; i--) {
      precisions[i] = Math.max(precisions[i], precisions[i + 1]);
    }
    double ap = 0;
    for (int i = 1; i < n + 2; i++) {
      if (recalls[i] != recalls[i - 1]) {
        ap += (recalls[i] - recalls[i - 1]) * precisions[i];
      }
    }
    return ap;
  }
}
