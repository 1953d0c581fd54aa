package ssm.predict;

/**
 * The outline of a binary mask: its pixels within {@code thickness} pixels (8-neighbourhood) of a
 * pixel outside it or of the image edge. The band lies inside the mask, so an outline drawn over an
 * image covers no pixel the mask does not.
 */
final class MaskOutline {
  private MaskOutline() {}

  /** Row-major outline of the row-major {@code height x width} {@code mask}. */
  static boolean[] of(boolean[] mask, int height, int width, int thickness) {
    boolean[] outline = new boolean[mask.length];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        outline[y * width + x] =
            mask[y * width + x] && nearOutside(mask, height, width, y, x, thickness);
      }
    }
    return outline;
  }

  private static boolean nearOutside(
      boolean[] mask, int height, int width, int y, int x, int radius) {
    for (int dy = -radius; dy <= radius; dy++) {
      for (int dx = -radius; dx <= radius; dx++) {
        int yy = y + dy;
        int xx = x + dx;
        if (yy < 0 || yy >= height || xx < 0 || xx >= width || !mask[yy * width + xx]) {
          return true;
        }
      }
    }
    return false;
  }
}
