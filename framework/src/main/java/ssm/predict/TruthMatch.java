package ssm.predict;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import ssm.metrics.Rle;

/**
 * Which ground-truth lesions of a slice its predicted lesions find, matched as COCO matches
 * detections at IoU 0.5 (pycocotools evaluateImg): the detections, in decreasing score order, each
 * take the still-unmatched lesion with the highest mask IoU if that IoU is at least {@value
 * #MIN_IOU} (equal IoUs: the later lesion, as pycocotools). So each lesion is found by at most one
 * detection and each detection finds at most one lesion.
 *
 * @param instances the ground-truth lesions in their given order, each with how it fared
 */
public record TruthMatch(List<Instance> instances) {
  /** The mask IoU a detection needs to find a lesion. */
  public static final double MIN_IOU = 0.5;

  /**
   * A ground-truth lesion and the detection that found it.
   *
   * @param detection index of the finding detection in the list given to {@link #of}, -1 if missed
   * @param score that detection's score (NaN if missed)
   * @param iou their mask IoU (NaN if missed)
   */
  public record Instance(TruthLesion lesion, int detection, float score, double iou) {
    public boolean found() {
      return detection >= 0;
    }
  }

  /** Matches {@code detections} (any order) to {@code truth}. */
  public static TruthMatch of(List<Lesion> detections, List<TruthLesion> truth) {
    double[][] iou =
        Rle.iou(
            detections.stream().map(Lesion::mask).toList(),
            truth.stream().map(TruthLesion::mask).toList(),
            null);
    Integer[] byScore = new Integer[detections.size()];
    Arrays.setAll(byScore, d -> d);
    // stable, so equal scores keep their given order (mergesort in pycocotools)
    Arrays.sort(byScore, Comparator.comparingDouble(d -> -detections.get(d).score()));
    int[] finder = new int[truth.size()];
    Arrays.fill(finder, -1);
    for (int d : byScore) {
      double best = MIN_IOU;
      int match = -1;
      for (int g = 0; g < truth.size(); g++) {
        if (finder[g] < 0 && iou[d][g] >= best) {
          best = iou[d][g];
          match = g;
        }
      }
      if (match >= 0) {
        finder[match] = d;
      }
    }
    List<Instance> instances = new ArrayList<>(truth.size());
    for (int g = 0; g < truth.size(); g++) {
      int d = finder[g];
      instances.add(
          d < 0
              ? new Instance(truth.get(g), -1, Float.NaN, Double.NaN)
              : new Instance(truth.get(g), d, detections.get(d).score(), iou[d][g]));
    }
    return new TruthMatch(List.copyOf(instances));
  }

  /** The number of ground-truth lesions. */
  public int lesions() {
    return instances.size();
  }

  /** The number of them found. */
  public int found() {
    return (int) instances.stream().filter(Instance::found).count();
  }
}
