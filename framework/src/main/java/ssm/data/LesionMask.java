package ssm.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The CNCB-NCOV mask convention (docs/explanation/model.md#61-segmentation-cncb-ncov) and its
 * lesion instances. Mask values: 0 background, 1 lung field, 2 ground-glass opacity (GGO), 3
 * consolidation. Consolidation is merged into GGO and lungs into background, so the lesion mask is
 * {@code value >= 2}; instances are its 8-connected components with area STRICTLY greater than a
 * threshold (reference: 100).
 */
public final class LesionMask {
  public static final int BACKGROUND = 0;
  public static final int LUNG = 1;
  public static final int GGO = 2;
  public static final int CONSOLIDATION = 3;

  private LesionMask() {}

  /**
   * Instances at the mask's own resolution: {@code boxes} holds {@code x1, y1, x2, y2} per instance
   * (x2 = max column + 1, y2 = max row + 1, as the reference's {@code (bbox[1], bbox[0], bbox[3],
   * bbox[2])}); {@code masks} one binary mask per instance.
   */
  public record Instances(int count, float[] boxes, byte[] masks, int[] areas) {}

  /**
   * {@code "mask is 256x256 but the image is 512x512"} when {@code mask} is not {@code width x
   * height}, else null.
   */
  public static String sizeMismatch(ImageDecoder.LabelImage mask, int width, int height) {
    return mask.width() == width && mask.height() == height
        ? null
        : String.format(
            Locale.ROOT,
            "mask is %dx%d but the image is %dx%d",
            mask.width(),
            mask.height(),
            width,
            height);
  }

  /**
   * The binary lesion mask (1 where GGO or consolidation). Throws {@link DataException} naming
   * {@code source} at the first value outside 0-3.
   */
  public static byte[] lesions(String source, ImageDecoder.LabelImage mask) {
    int[] v = mask.values();
    byte[] out = new byte[v.length];
    for (int i = 0; i < v.length; i++) {
      int value = v[i];
      if (value < BACKGROUND || value > CONSOLIDATION) {
        throw new DataException(
            source,
            String.format(
                "mask value %d at (x=%d, y=%d) is outside 0-3 (0 background, 1 lung, 2 GGO, "
                    + "3 consolidation)",
                value, i % mask.width(), i / mask.width()));
      }
      out[i] = (byte) (value >= GGO ? 1 : 0);
    }
    return out;
  }

  /**
   * The lesion instances of a decoded label mask at its own resolution: {@link #lesions} then
   * {@link #instances(byte[], int, int, int)}; {@code source} names the mask in errors.
   */
  public static Instances instances(String source, ImageDecoder.LabelImage mask, int minArea) {
    return instances(lesions(source, mask), mask.height(), mask.width(), minArea);
  }

  /** The 8-connected components of {@code lesion} with area greater than {@code minArea}. */
  public static Instances instances(byte[] lesion, int height, int width, int minArea) {
    ConnectedComponents.Labeling labeling = ConnectedComponents.label(lesion, height, width);
    List<ConnectedComponents.Component> kept = new ArrayList<>();
    for (ConnectedComponents.Component c : labeling.components()) {
      if (c.area() > minArea) {
        kept.add(c);
      }
    }
    int n = kept.size();
    float[] boxes = new float[4 * n];
    byte[] masks = new byte[n * height * width];
    int[] areas = new int[n];
    int[] labels = labeling.labels();
    for (int k = 0; k < n; k++) {
      ConnectedComponents.Component c = kept.get(k);
      boxes[4 * k] = c.minCol();
      boxes[4 * k + 1] = c.minRow();
      boxes[4 * k + 2] = c.maxCol();
      boxes[4 * k + 3] = c.maxRow();
      areas[k] = c.area();
      int offset = k * height * width;
      for (int y = c.minRow(); y < c.maxRow(); y++) {
        for (int x = c.minCol(); x < c.maxCol(); x++) {
          int p = y * width + x;
          if (labels[p] == c.label()) {
            masks[offset + p] = 1;
          }
        }
      }
    }
    return new Instances(n, boxes, masks, areas);
  }
}
