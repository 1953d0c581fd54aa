package ssm.slices;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import ssm.data.SliceCollection;
import ssm.util.Check;

/**
 * One segmentation slice's outcome: enough to recompute COCO segm AP50 and the paper's AP@0.5 on
 * any subset of slices.
 *
 * @param slice the file name the slice came from
 * @param collection the slice's collection (its file name's, {@link
 *     ssm.data.SliceCollection#fromFileName})
 * @param lesions ground-truth lesions of the slice
 * @param detections the detections COCO evaluates (at most 100), by descending score, each marked
 *     matched or not at IoU 0.5
 * @param paperAp50 the paper's per-slice mask AP@0.5: 1 for a slice with no lesion and no
 *     detection, null for a slice the paper's mean skips (lesions but no detection, or the reverse)
 */
public record SegmentedSlice(
    String slice,
    String collection,
    int lesions,
    List<ScoredDetection> detections,
    @JsonProperty("paper_ap50") Double paperAp50) {
  public SegmentedSlice {
    Check.that(slice != null && !slice.isEmpty(), "a segmented slice needs its file name");
    Check.that(
        collection != null && !collection.isEmpty(),
        "%s: a segmented slice needs its collection",
        slice);
    Check.that(lesions >= 0, "%s: lesions = %d must not be negative", slice, lesions);
    detections = List.copyOf(detections);
    long matched = detections.stream().filter(ScoredDetection::matched).count();
    Check.that(
        matched <= lesions,
        "%s: %d detections matched but the slice has only %d lesion(s)",
        slice,
        matched,
        lesions);
  }

  /** A slice of the collection its file name names. */
  public SegmentedSlice(
      String slice, int lesions, List<ScoredDetection> detections, Double paperAp50) {
    this(slice, SliceCollection.fromFileName(slice), lesions, detections, paperAp50);
  }
}
