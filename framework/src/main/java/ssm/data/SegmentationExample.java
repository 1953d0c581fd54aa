package ssm.data;

/**
 * A segmentation training/test item: the resized slice and its lesion instances in the resized
 * pixel frame. {@code boxes} holds {@code count} rows of {@code x1, y1, x2, y2} (x2, y2 exclusive,
 * as the reference's regionprops boxes); {@code masks} holds {@code count} binary (0/1) masks of
 * {@code image.height() x image.width()}, row-major. A negative (lesion-free) slice has {@code
 * count == 0} and empty arrays.
 */
public record SegmentationExample(String id, Slice image, float[] boxes, byte[] masks, int count) {

  /** The box of instance {@code i} as {@code {x1, y1, x2, y2}}. */
  public float[] box(int i) {
    return new float[] {boxes[4 * i], boxes[4 * i + 1], boxes[4 * i + 2], boxes[4 * i + 3]};
  }

  /** Whether the slice has no lesion instance. */
  public boolean negative() {
    return count == 0;
  }
}
