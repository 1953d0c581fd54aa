package ssm.data;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What decoding every image of a dataset finds (for {@code ssm data stats}): image sizes, colour
 * modes, files that cannot be decoded (by name, with the reason) and, for segmentation data, masks
 * whose size differs from their image's. Add files with {@link #image} and {@link #mask}; nothing
 * here throws on bad input: every problem is recorded.
 */
public final class ImageScan {
  private final List<int[]> sizes = new ArrayList<>(); // {width, height}
  private final Map<String, Integer> modes = new TreeMap<>();
  private final List<String> unreadable = new ArrayList<>();
  private final List<String> maskMismatches = new ArrayList<>();

  /** Decodes {@code file}; returns its {@code {width, height}}, or null when it is unreadable. */
  public int[] image(Path file) {
    try {
      BufferedImage img = ImageDecoder.read(file);
      ImageDecoder.decode(file.getFileName().toString(), img); // what training would do
      int[] wh = {img.getWidth(), img.getHeight()};
      sizes.add(wh);
      modes.merge(ImageDecoder.colourMode(img), 1, Integer::sum);
      return wh;
    } catch (DataException e) {
      unreadable.add(e.getMessage());
      return null;
    }
  }

  /**
   * Decodes the mask of an image of size {@code imageSize} ({@code {width, height}}, null when the
   * image was unreadable) and records a size mismatch or an unreadable mask.
   */
  public void mask(Path mask, String imageName, int[] imageSize) {
    try {
      ImageDecoder.LabelImage m = ImageDecoder.decodeLabels(mask);
      String mismatch =
          imageSize == null ? null : LesionMask.sizeMismatch(m, imageSize[0], imageSize[1]);
      if (mismatch != null) {
        maskMismatches.add(imageName + ": " + mismatch);
      }
    } catch (DataException e) {
      unreadable.add(e.getMessage());
    }
  }

  /** Messages of the files that could not be decoded, each starting with the file name. */
  public List<String> unreadable() {
    return List.copyOf(unreadable);
  }

  /** Messages of the masks whose size differs from their image's. */
  public List<String> maskMismatches() {
    return List.copyOf(maskMismatches);
  }

  /** Number of images decoded. */
  public int decoded() {
    return sizes.size();
  }

  /** Colour modes ({@link ImageDecoder#colourMode}) and how many images have each. */
  public Map<String, Integer> modes() {
    return Map.copyOf(modes);
  }

  /** {@code {min, median, max}} of the widths ({@code axis} 0) or heights (1); zeros if none. */
  public int[] summary(int axis) {
    int[] v = sizes.stream().mapToInt(s -> s[axis]).sorted().toArray();
    if (v.length == 0) {
      return new int[3];
    }
    return new int[] {v[0], v[(v.length - 1) / 2], v[v.length - 1]};
  }

  /** The report lines: sizes, modes, mask mismatches, unreadable files. */
  public void appendTo(StringBuilder sb) {
    int[] w = summary(0);
    int[] h = summary(1);
    sb.append(
        String.format(
            Locale.ROOT,
            "  decoded %d images: width min %d / median %d / max %d, "
                + "height min %d / median %d / max %d%n",
            decoded(),
            w[0],
            w[1],
            w[2],
            h[0],
            h[1],
            h[2]));
    StringBuilder m = new StringBuilder();
    modes.forEach((k, n) -> m.append(m.length() == 0 ? "" : ", ").append(k).append(' ').append(n));
    sb.append("  colour modes: ").append(m.length() == 0 ? "none" : m).append('\n');
    list(sb, "masks not matching their image's size", maskMismatches);
    list(sb, "UNREADABLE files", unreadable);
  }

  private static void list(StringBuilder sb, String title, List<String> items) {
    if (items.isEmpty()) {
      return;
    }
    sb.append(String.format(Locale.ROOT, "  %s: %d%n", title, items.size()));
    items.forEach(s -> sb.append("    ").append(s).append('\n'));
  }
}
