package ssm.train;

import ssm.data.ClassificationExample;
import ssm.data.LazyDataset;
import ssm.data.SegmentationExample;

/**
 * The data of a run: segmentation slices (Eq. 1) and classification slices (Eq. 2), plus the
 * optional validation split evaluated after each epoch.
 */
public record TrainingData(
    LazyDataset<SegmentationExample> segmentation,
    LazyDataset<ClassificationExample> classification,
    String description) {

  public TrainingData {
    if (segmentation.size() == 0) {
      throw new IllegalArgumentException("the segmentation training data is empty");
    }
    if (classification.size() == 0) {
      throw new IllegalArgumentException("the classification training data is empty");
    }
  }
}
