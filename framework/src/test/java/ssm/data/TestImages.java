package ssm.data;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes tiny test images (public: the predict tests write label masks with it too). */
public final class TestImages {
  private TestImages() {}

  /** An 8-bit grey PNG (or other ImageIO format by extension) of row-major values. */
  public static Path grey(Path file, int width, int height, int[] values) {
    return write(file, width, height, values, BufferedImage.TYPE_BYTE_GRAY);
  }

  /** A 16-bit grey PNG of row-major values. */
  static Path grey16(Path file, int width, int height, int[] values) {
    return write(file, width, height, values, BufferedImage.TYPE_USHORT_GRAY);
  }

  /** An 8-bit grey PNG filled with one value. */
  static Path filled(Path file, int width, int height, int value) {
    int[] v = new int[width * height];
    java.util.Arrays.fill(v, value);
    return grey(file, width, height, v);
  }

  /** An RGB PNG whose pixel i has colour rgb[i] (0xRRGGBB). */
  static Path rgb(Path file, int width, int height, int[] rgb) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    img.setRGB(0, 0, width, height, rgb, 0, width);
    return save(img, file);
  }

  /** An RGBA PNG whose pixel i has colour argb[i] (0xAARRGGBB). */
  static Path rgba(Path file, int width, int height, int[] argb) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    img.setRGB(0, 0, width, height, argb, 0, width);
    return save(img, file);
  }

  /** A lesion-free mask {@code dir/masks/<base>.png}. */
  static Path lesionFree(Path dir, String base, int width, int height) {
    return filled(dir.resolve("masks/" + base + ".png"), width, height, 0);
  }

  private static Path write(Path file, int width, int height, int[] values, int type) {
    BufferedImage img = new BufferedImage(width, height, type);
    WritableRaster r = img.getRaster();
    r.setSamples(0, 0, width, height, 0, values);
    return save(img, file);
  }

  private static Path save(BufferedImage img, Path file) {
    try {
      Files.createDirectories(file.getParent());
      String name = file.getFileName().toString();
      String format = name.substring(name.lastIndexOf('.') + 1).replace("jpg", "jpeg");
      if (!ImageIO.write(img, format, file.toFile())) {
        throw new IllegalStateException("no writer for " + format);
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
