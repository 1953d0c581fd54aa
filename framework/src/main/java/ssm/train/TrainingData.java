package ssm.train;

import ssm.data.ClassificationExample;
import ssm.data.LazyDataset;
import ssm.data.SegmentationExample;

/**
 * The data of a run: segmentation slices (Eq. 1) and classification slices (Eq. 2), plus the
 * optional validation split evaluated after each epoch.
 *
 * @param classificationCells null: Stage II visits every classification slice once per epoch; else
 *     the (collection, class) cell of each classification slice, which Stage II draws balanced
 *     ({@link ClassificationSampling#balancedDraws})
 */
public record TrainingData(
    LazyDataset<SegmentationExample> segmentation,
    LazyDataset<ClassificationExample> classification,
    String description,
    int[] classificationCells) {

  /** Every classification slice once per epoch (the paper's). */
  public TrainingData(
      LazyDataset<SegmentationExample> segmentation,
      LazyDataset<ClassificationExample> classification,
      String description) {
    this(segmentation, classification, description, null);
  }

  public TrainingData {
    if (classificationCells != null && classificationCells.length != classification.size()) {
      throw new IllegalArgumentException(
          "classificationCells has "
              + classificationCells.length
              + " entries for "
              + classification.size()
              + " classification slices");
    }
    if (segmentation.size() == 0) {
      throw new IllegalArgumentException("the segmentation training data is empty");
    }
    if (classification.size() == 0) {
      throw new IllegalArgumentException("the classification training data is empty");
    }
  }
}
