package ssm.train;

import ssm.data.ClassificationExample;
import ssm.data.SegmentationExample;

/**
 * What one training step reads, decoded ahead of time.
 *
 * @param position the step's position in its epoch
 * @param segmentation the drawn segmentation slice (null in Stage II when none is drawn)
 * @param classification the classification slice (null in Stage I)
 */
public record StepInput(
    int position, SegmentationExample segmentation, ClassificationExample classification) {}
