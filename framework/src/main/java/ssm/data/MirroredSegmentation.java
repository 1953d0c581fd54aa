package ssm.data;

/**
 * Segmentation data and its left-right mirror images: items {@code 0..n-1} are the data's, items
 * {@code n..2n-1} the same slices flipped horizontally (image, instance masks and boxes). An
 * augmentation that keeps training deterministic and resumable ({@link AugmentedSegmentation}).
 * Chest CT is roughly left-right symmetric, so a mirrored slice is a plausible slice (issue 18: 50
 * real segmentation slices).
 */
public final class MirroredSegmentation extends AugmentedSegmentation {
  /** Suffix of a mirrored item's id. */
  public static final String SUFFIX = " (mirrored)";

  public MirroredSegmentation(LazyDataset<SegmentationExample> data) {
    super(data, 2);
  }

  @Override
  String suffix(int k) {
    return SUFFIX;
  }

  @Override
  SegmentationExample transform(SegmentationExample e, int k) {
    return mirror(e);
  }

  /** {@code e} flipped left-right: column {@code x} becomes {@code W - 1 - x}. */
  public static SegmentationExample mirror(SegmentationExample e) {
    Slice s = e.image();
    int h = s.height();
    int w = s.width();
    float[] px = new float[s.pixels().length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        System.arraycopy(s.pixels(), (y * w + x) * 3, px, (y * w + (w - 1 - x)) * 3, 3);
      }
    }
    byte[] masks = new byte[e.masks().length];
    for (int k = 0; k < e.count(); k++) {
      for (int y = 0; y < h; y++) {
        int row = k * h * w + y * w;
        for (int x = 0; x < w; x++) {
          masks[row + (w - 1 - x)] = e.masks()[row + x];
        }
      }
    }
    float[] boxes = e.boxes().clone();
    for (int i = 0; i < e.count(); i++) { // x2 exclusive: [x1, x2) -> [w - x2, w - x1)
      boxes[4 * i] = w - e.boxes()[4 * i + 2];
      boxes[4 * i + 2] = w - e.boxes()[4 * i];
    }
    return new SegmentationExample(
        e.id() + SUFFIX,
        new Slice(s.id() + SUFFIX, h, w, px, s.originalHeight(), s.originalWidth()),
        boxes,
        masks,
        e.count());
  }
}
