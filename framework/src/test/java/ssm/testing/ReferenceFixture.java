package ssm.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The reference-parity fixture (fixtures/reference-parity in the repository): weights and outputs
 * of the author's PyTorch implementation. A missing fixture fails the test that needs it.
 */
public final class ReferenceFixture {
  private static JsonNode expected;

  private ReferenceFixture() {}

  /** The fixture folder; throws (failing the calling test) when it does not exist. */
  public static Path dir() {
    String root = System.getProperty("ssm.fixtures", "../fixtures");
    Path dir = Path.of(root, "reference-parity").toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException(
          "reference-parity fixture not found at "
              + dir
              + " (it is part of the repository:"
              + " fixtures/reference-parity; system property ssm.fixtures = "
              + root
              + ")");
    }
    return dir;
  }

  /** public/expected.json, parsed once. */
  public static synchronized JsonNode expected() {
    if (expected == null) {
      try {
        expected = new ObjectMapper().readTree(dir().resolve("public/expected.json").toFile());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return expected;
  }

  /** The weights file. */
  public static Path weights() {
    return dir().resolve("weights.safetensors");
  }

  /** A public input image, e.g. {@code covid.png}. */
  public static Path image(String file) {
    return dir().resolve("public").resolve(file);
  }

  /**
   * A public 8-bit grey PNG as the reference's ToTensor sees it after convert("RGB"): [H, W, 3]
   * row-major, value = uint8 / 255f.
   */
  public static float[] imagePixels(String file) {
    try {
      java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(image(file).toFile());
      int h = img.getHeight(), w = img.getWidth();
      java.awt.image.Raster r = img.getRaster();
      float[] out = new float[h * w * 3];
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          float v = r.getSample(x, y, 0) / 255f;
          for (int c = 0; c < 3; c++) {
            out[(y * w + x) * 3 + c] = v;
          }
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Floats of a JSON array (nested arrays flattened row-major). */
  public static float[] floats(JsonNode array) {
    java.util.List<Float> out = new java.util.ArrayList<>();
    flatten(array, out);
    float[] f = new float[out.size()];
    for (int i = 0; i < f.length; i++) {
      f[i] = out.get(i);
    }
    return f;
  }

  /** Ints of a JSON array (nested arrays flattened row-major). */
  public static int[] ints(JsonNode array) {
    float[] f = floats(array);
    int[] out = new int[f.length];
    for (int i = 0; i < f.length; i++) {
      out[i] = (int) f[i];
    }
    return out;
  }

  private static void flatten(JsonNode node, java.util.List<Float> out) {
    if (node.isArray()) {
      node.forEach(n -> flatten(n, out));
    } else {
      out.add(node.floatValue());
    }
  }

  /** Wraps an IOException for use in lambdas. */
  public static RuntimeException unchecked(IOException e) {
    return new UncheckedIOException(e);
  }
}
