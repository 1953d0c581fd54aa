package ssm.slices;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import ssm.metrics.CocoEvaluator;
import ssm.metrics.Rle;

/**
 * COCOeval's per-image matching at IoU 0.5 for one category, area "all" and no crowd regions (the
 * evaluation's ground truth has none): detections by descending score (stable), the first {@link
 * #MAX_DETECTIONS}; each takes the not yet matched lesion of highest IoU at or above 0.5 (on equal
 * IoU, the later lesion, as pycocotools' loop does).
 */
final class CocoSliceMatcher {
  /** COCO's maxDets of AP50. */
  static final int MAX_DETECTIONS = CocoEvaluator.MAX_DETS[CocoEvaluator.MAX_DETS.length - 1];

  private CocoSliceMatcher() {}

  /** A detection before matching. */
  record Candidate(double score, Rle mask) {}

  static List<ScoredDetection> match(List<Candidate> detections, List<Rle> lesions) {
    List<Candidate> sorted = new ArrayList<>(detections);
    sorted.sort(Comparator.comparingDouble(Candidate::score).reversed()); // stable
    if (sorted.size() > MAX_DETECTIONS) {
      sorted = sorted.subList(0, MAX_DETECTIONS);
    }
    boolean[] taken = new boolean[lesions.size()];
    List<ScoredDetection> out = new ArrayList<>(sorted.size());
    for (Candidate d : sorted) {
      double best = 0.5;
      int m = -1;
      for (int g = 0; g < lesions.size(); g++) {
        if (taken[g]) {
          continue;
        }
        double iou = Rle.iou(d.mask(), lesions.get(g), false);
        if (iou < best) {
          continue;
        }
        best = iou;
        m = g;
      }
      if (m >= 0) {
        taken[m] = true;
      }
      out.add(new ScoredDetection(d.score(), m >= 0));
    }
    return out;
  }
}
