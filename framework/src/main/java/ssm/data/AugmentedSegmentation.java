package ssm.data;

/**
 * Segmentation data and {@code copies - 1} transformed copies of it: item {@code k * n + i} is
 * slice {@code i} under transform {@code k} (0 = as read). Which item a step sees stays a pure
 * function of (seed, step), so training with an augmentation is still deterministic and resumable.
 */
abstract class AugmentedSegmentation implements LazyDataset<SegmentationExample> {
  private final LazyDataset<SegmentationExample> data;
  private final int copies;

  AugmentedSegmentation(LazyDataset<SegmentationExample> data, int copies) {
    this.data = data;
    this.copies = copies;
  }

  /** The id's suffix of copy {@code k >= 1}. */
  abstract String suffix(int k);

  /** Copy {@code k >= 1} of {@code e}. */
  abstract SegmentationExample transform(SegmentationExample e, int k);

  @Override
  public final int size() {
    return copies * data.size();
  }

  @Override
  public final String id(int index) {
    int n = data.size();
    return index < n ? data.id(index) : data.id(index % n) + suffix(index / n);
  }

  @Override
  public final SegmentationExample load(int index) {
    int n = data.size();
    return index < n ? data.load(index) : transform(data.load(index % n), index / n);
  }

  @Override
  public final boolean skipBad() {
    return data.skipBad();
  }

  @Override
  public final BadItems badItems() {
    return data.badItems();
  }
}
