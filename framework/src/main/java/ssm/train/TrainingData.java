package ssm.train;

import ssm.data.ClassificationExample;
import ssm.data.LazyDataset;
import ssm.data.SegmentationExample;

/**
 * The data of a run: segmentation slices (Eq. 1) and classification slices (Eq. 2), plus the
 * optional validation split evaluated after each epoch.
 *
 * @param classificationCells null: Stage II visits every classification slice once per epoch; else
 *     the cells of the classification slices, which Stage II draws balanced ({@link
 *     BalancedCells#draws})
 */
public record TrainingData(
    LazyDataset<SegmentationExample> segmentation,
    LazyDataset<ClassificationExample> classification,
    String description,
    BalancedCells classificationCells) {

  /** Every classification slice once per epoch (the paper's). */
  public TrainingData(
      LazyDataset<SegmentationExample> segmentation,
      LazyDataset<ClassificationExample> classification,
      String description) {
    this(segmentation, classification, description, null);
  }

  public TrainingData {
    if (classificationCells != null && classificationCells.size() != classification.size()) {
      throw new IllegalArgumentException(
          "classificationCells has "
              + classificationCells.size()
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
