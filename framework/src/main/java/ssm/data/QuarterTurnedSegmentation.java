package ssm.data;

/**
 * Segmentation data and its quarter turns: item {@code k * n + i} is slice {@code i} turned {@code
 * k} quarter turns clockwise ({@code k} = 0..3; image, instance masks and boxes), so the data holds
 * every slice in all four orientations. Deterministic and resumable ({@link
 * AugmentedSegmentation}). Real collections disagree on orientation (the MedSeg slices are rotated
 * 90 degrees against the usual radiological view, the UCSD COVID-CT slices are not,
 * docs/log/README.md): a detector trained on all four turns answers alike on both.
 */
public final class QuarterTurnedSegmentation extends AugmentedSegmentation {
  public QuarterTurnedSegmentation(LazyDataset<SegmentationExample> data) {
    super(data, 4);
  }

  @Override
  String suffix(int quarterTurns) {
    return " (turned " + 90 * quarterTurns + ")";
  }

  @Override
  SegmentationExample transform(SegmentationExample e, int quarterTurns) {
    for (int k = 0; k < quarterTurns; k++) {
      e = turnClockwise(e);
    }
    return e;
  }

  /**
   * {@code e} turned 90 degrees clockwise: an H x W slice becomes W x H, pixel {@code (y, x)} moves
   * to {@code (x, H - 1 - y)}, so box {@code [x1, y1, x2, y2)} becomes {@code [H - y2, x1, H - y1,
   * x2)}. Ids are left to {@link #id}; the slice's original size turns with it.
   */
  public static SegmentationExample turnClockwise(SegmentationExample e) {
    Slice s = e.image();
    int h = s.height();
    int w = s.width();
    float[] px = new float[s.pixels().length];
    byte[] masks = new byte[e.masks().length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int to = x * h + (h - 1 - y); // row x of the turned slice, which is h wide
        System.arraycopy(s.pixels(), (y * w + x) * 3, px, to * 3, 3);
        for (int k = 0; k < e.count(); k++) {
          masks[k * h * w + to] = e.masks()[k * h * w + y * w + x];
        }
      }
    }
    float[] b = e.boxes();
    float[] boxes = new float[b.length];
    for (int i = 0; i < e.count(); i++) {
      boxes[4 * i] = h - b[4 * i + 3];
      boxes[4 * i + 1] = b[4 * i];
      boxes[4 * i + 2] = h - b[4 * i + 1];
      boxes[4 * i + 3] = b[4 * i + 2];
    }
    return new SegmentationExample(
        e.id(),
        new Slice(s.id(), w, h, px, s.originalWidth(), s.originalHeight()),
        boxes,
        masks,
        e.count());
  }
}
