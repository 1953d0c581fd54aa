package ssm.data;

import ssm.util.Check;

/**
 * How readers decode items.
 *
 * @param minSize short side after resizing (docs/explanation/model.md#21-input: 512)
 * @param maxSize long side limit after resizing (1024)
 * @param minLesionArea a lesion component is an instance when its area is STRICTLY greater
 *     (reference: {@code r.area > 100})
 * @param skipBad skip bad items and record them in {@link BadItems} instead of failing
 * @param cropToBox COVIDx-CT split files: crop each slice to its body box before resizing; the
 *     reference resizes the whole slice (false)
 */
public record ReaderOptions(
    int minSize, int maxSize, int minLesionArea, boolean skipBad, boolean cropToBox) {
  public ReaderOptions {
    Check.positive("minSize", minSize);
    Check.that(maxSize >= minSize, "maxSize (%s) must not be below minSize (%s)", maxSize, minSize);
    Check.that(minLesionArea >= 0, "minLesionArea = %s must not be negative", minLesionArea);
  }

  /** 512 / 1024, area > 100, fail on bad items, whole slice. */
  public static ReaderOptions defaults() {
    return new ReaderOptions(512, 1024, 100, false, false);
  }

  public ReaderOptions withSize(int min, int max) {
    return new ReaderOptions(min, max, minLesionArea, skipBad, cropToBox);
  }

  public ReaderOptions withMinLesionArea(int area) {
    return new ReaderOptions(minSize, maxSize, area, skipBad, cropToBox);
  }

  public ReaderOptions withSkipBad(boolean skip) {
    return new ReaderOptions(minSize, maxSize, minLesionArea, skip, cropToBox);
  }

  public ReaderOptions withCropToBox(boolean crop) {
    return new ReaderOptions(minSize, maxSize, minLesionArea, skipBad, crop);
  }

  /** The resizer these options describe. */
  public Resizer resizer() {
    return new Resizer(minSize, maxSize);
  }
}
