package ssm.data;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Decodes PNG and JPEG files (8- or 16-bit, grey, grey+alpha, RGB, RGBA or palette) with
 * javax.imageio. Every failure is a {@link DataException} naming the file.
 */
public final class ImageDecoder {
  static {
    ImageIO.setUseCache(false); // decode in memory; the disk cache only slows small files down
  }

  private ImageDecoder() {}

  /** A mask or other single-channel label image: row-major {@code values[y * width + x]}. */
  public record LabelImage(int height, int width, int[] values) {}

  /**
   * The file as a {@link Slice} at its original size: RGB in [0, 1], grey replicated to three
   * channels, alpha dropped, 8-bit values / 255f, 16-bit values / 65535f. The id is the file name.
   */
  public static Slice decode(Path file) {
    return decode(file.getFileName().toString(), read(file));
  }

  /** {@link #decode(Path)} of an image already read by {@link #read}; {@code name} is its id. */
  public static Slice decode(String name, BufferedImage img) {
    int h = img.getHeight();
    int w = img.getWidth();
    float[] rgb = new float[h * w * 3];
    ColorModel cm = img.getColorModel();
    Raster r = img.getRaster();
    if (cm instanceof IndexColorModel icm) {
      int[] idx = r.getSamples(0, 0, w, h, 0, (int[]) null);
      for (int i = 0; i < idx.length; i++) {
        rgb[3 * i] = icm.getRed(idx[i]) / 255f;
        rgb[3 * i + 1] = icm.getGreen(idx[i]) / 255f;
        rgb[3 * i + 2] = icm.getBlue(idx[i]) / 255f;
      }
      return Slice.original(name, h, w, rgb);
    }
    int colours = cm.getColorSpace().getNumComponents();
    int bits = r.getSampleModel().getSampleSize(0);
    if (bits > 16 || (colours != 1 && colours != 3)) {
      throw new DataException(
          name,
          "unsupported image type ("
              + colours
              + " colour components, "
              + bits
              + " bits); expected grey or RGB, 8 or 16 bits");
    }
    float max = (float) ((1 << bits) - 1); // 255f for 8-bit, 65535f for 16-bit
    int[] samples = new int[h * w];
    if (colours == 1) {
      r.getSamples(0, 0, w, h, 0, samples);
      for (int i = 0; i < samples.length; i++) {
        float v = samples[i] / max;
        rgb[3 * i] = v;
        rgb[3 * i + 1] = v;
        rgb[3 * i + 2] = v;
      }
    } else {
      for (int c = 0; c < 3; c++) {
        r.getSamples(0, 0, w, h, c, samples);
        for (int i = 0; i < samples.length; i++) {
          rgb[3 * i + c] = samples[i] / max;
        }
      }
    }
    return Slice.original(name, h, w, rgb);
  }

  /**
   * A label image (segmentation mask): the stored values themselves, as {@code np.array} of the PIL
   * image gives them (palette indices for palette PNGs). An RGB mask is accepted only when its
   * three channels are equal.
   */
  public static LabelImage decodeLabels(Path file) {
    String name = file.getFileName().toString();
    BufferedImage img = read(file);
    int h = img.getHeight();
    int w = img.getWidth();
    Raster r = img.getRaster();
    ColorModel cm = img.getColorModel();
    int[] values = r.getSamples(0, 0, w, h, 0, new int[h * w]);
    if (!(cm instanceof IndexColorModel) && cm.getColorSpace().getNumComponents() != 1) {
      if (cm.getColorSpace().getNumComponents() != 3) {
        throw new DataException(name, "a mask must be a single-channel image");
      }
      int[] g = r.getSamples(0, 0, w, h, 1, new int[h * w]);
      int[] b = r.getSamples(0, 0, w, h, 2, new int[h * w]);
      for (int i = 0; i < values.length; i++) {
        if (values[i] != g[i] || values[i] != b[i]) {
          throw new DataException(
              name,
              String.format(
                  "a mask must be single-channel; RGB pixel at (x=%d, y=%d) has unequal channels",
                  i % w, i / w));
        }
      }
    }
    return new LabelImage(h, w, values);
  }

  /**
   * The colour mode of a decoded image in PIL's words: {@code L} (grey), {@code LA} (grey with
   * alpha), {@code RGB}, {@code RGBA}, {@code P} (palette), with {@code ;16} for 16-bit samples.
   */
  public static String colourMode(BufferedImage img) {
    ColorModel cm = img.getColorModel();
    if (cm instanceof IndexColorModel) {
      return "P";
    }
    int colours = cm.getColorSpace().getNumComponents();
    String mode = colours == 1 ? "L" : colours == 3 ? "RGB" : colours + "-component";
    if (cm.hasAlpha()) {
      mode = colours == 1 ? "LA" : colours == 3 ? "RGBA" : mode + "+alpha";
    }
    int bits = img.getRaster().getSampleModel().getSampleSize(0);
    return bits > 8 ? mode + ";" + bits : mode;
  }

  /** The decoded image, or a {@link DataException} saying why not. */
  public static BufferedImage read(Path file) {
    String name = file.getFileName().toString();
    if (!Files.isRegularFile(file)) {
      throw new DataException(name, "file does not exist (" + file + ")");
    }
    BufferedImage img;
    try {
      img = ImageIO.read(file.toFile());
    } catch (IOException | RuntimeException e) {
      throw new DataException(name, "cannot decode image: " + e.getMessage(), e);
    }
    if (img == null) {
      throw new DataException(name, "not a readable PNG or JPEG image");
    }
    return img;
  }

  /** Whether the file name has a PNG or JPEG extension. */
  public static boolean isImageName(String name) {
    String n = name.toLowerCase(java.util.Locale.ROOT);
    return n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg");
  }

  /** The file name without its extension. */
  public static String baseName(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }
}
