package ssm.slices;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ssm.eval.ClassifiedSlice;
import ssm.eval.Evaluation;
import ssm.metrics.ClassificationMetrics;
import ssm.metrics.CocoAnnotation;
import ssm.metrics.CocoDetection;
import ssm.metrics.CocoImage;
import ssm.metrics.PaperAp;
import ssm.metrics.Rle;
import ssm.util.Check;

/**
 * Every slice's outcome of one evaluation (the content of {@value SliceResultsFile#FILE_NAME}).
 *
 * @param format {@link #FORMAT}; a reader also reads {@link #FORMAT_1} and refuses any other
 * @param classes the class names, index order of the classification records
 * @param segmentation the segmentation slices in evaluation order (empty when not evaluated)
 * @param classification the classification slices in evaluation order (empty when not evaluated)
 */
public record SliceResults(
    String format,
    List<String> classes,
    List<SegmentedSlice> segmentation,
    List<ClassifiedSlice> classification) {
  /** The format and its version: version 2 records each slice's collection. */
  public static final String FORMAT = "ssm-slices/2";

  /**
   * The first version, still read: without the slices' collections, which a reader takes from their
   * file names ({@link ssm.data.SliceCollection#fromFileName}).
   */
  public static final String FORMAT_1 = "ssm-slices/1";

  public SliceResults {
    classes = List.copyOf(classes);
    segmentation = List.copyOf(segmentation);
    classification = List.copyOf(classification);
  }

  /** The per-slice outcome of an evaluation. */
  public static SliceResults of(Evaluation e) {
    List<String> classes =
        e.classification() == null
            ? ClassificationMetrics.PAPER_CLASSES
            : e.classification().classNames();
    List<SegmentedSlice> seg =
        e.groundTruth() == null ? List.of() : segmentation(e.groundTruth(), e.detections());
    return new SliceResults(FORMAT, classes, seg, e.classifiedSlices());
  }

  /** Per slice of a COCO ground truth (images in file order) and the detections on it. */
  static List<SegmentedSlice> segmentation(
      ssm.metrics.CocoDataset gt, List<CocoDetection> detections) {
    Map<Long, List<Rle>> lesions = new HashMap<>();
    Map<Long, List<CocoSliceMatcher.Candidate>> found = new HashMap<>();
    Map<Long, CocoImage> images = new HashMap<>();
    gt.images().forEach(i -> images.put(i.id(), i));
    for (CocoAnnotation a : gt.annotations()) {
      CocoImage i = images.get(a.imageId());
      Check.that(i != null, "annotation %d refers to a missing image %d", a.id(), a.imageId());
      Check.that(!a.iscrowd(), "annotation %d is a crowd region; slices have none", a.id());
      lesions
          .computeIfAbsent(a.imageId(), k -> new ArrayList<>())
          .add(a.segmentation().toRle(i.height(), i.width()));
    }
    for (CocoDetection d : detections) {
      CocoImage i = images.get(d.imageId());
      Check.that(i != null, "a detection refers to a missing image %d", d.imageId());
      found
          .computeIfAbsent(d.imageId(), k -> new ArrayList<>())
          .add(
              new CocoSliceMatcher.Candidate(
                  d.score(), d.segmentation().toRle(i.height(), i.width())));
    }
    List<PaperAp.Image> paper = PaperAp.imagesFrom(gt, detections);
    List<SegmentedSlice> out = new ArrayList<>(gt.images().size());
    for (int k = 0; k < gt.images().size(); k++) {
      CocoImage i = gt.images().get(k);
      List<Rle> g = lesions.getOrDefault(i.id(), List.of());
      List<CocoSliceMatcher.Candidate> d = found.getOrDefault(i.id(), List.of());
      out.add(
          new SegmentedSlice(
              i.fileName(), g.size(), CocoSliceMatcher.match(d, g), paperAp50(paper.get(k))));
    }
    return out;
  }

  /** The paper's rule: 1 with neither lesions nor detections, skipped (null) with only one. */
  private static Double paperAp50(PaperAp.Image image) {
    boolean noGt = image.groundTruths().isEmpty();
    boolean noPred = image.predictions().isEmpty();
    if (noGt && noPred) {
      return 1.0;
    }
    if (noGt || noPred) {
      return null;
    }
    return PaperAp.imageAp(image, new double[] {0.5})[0];
  }
}
