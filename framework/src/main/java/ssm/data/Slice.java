package ssm.data;

import ssm.util.Check;

/**
 * One CT slice as the network sees it: RGB, row-major {@code [height, width, 3]}, values in [0, 1]
 * (8-bit value / 255 in float32 as torchvision's ToTensor; 16-bit value / 65535; grey replicated to
 * the three channels as PIL's {@code convert("RGB")}). Not normalised: the ImageNet mean/std of
 * docs/explanation/model.md#21-input belongs to the graph.
 *
 * <p>{@code originalHeight x originalWidth} is the size of the file before {@link Resizer}; {@link
 * #scaleX()} and {@link #scaleY()} map original pixels to these ({@code x * scaleX}) and back
 * ({@code x / scaleX}).
 *
 * @param id the file name the slice came from
 */
public record Slice(
    String id, int height, int width, float[] pixels, int originalHeight, int originalWidth) {
  public Slice {
    Check.that(height > 0 && width > 0, "%s: empty image %dx%d", id, width, height);
    Check.that(
        pixels.length == height * width * 3,
        "%s: %d pixel values for a %dx%d RGB image",
        id,
        pixels.length,
        width,
        height);
  }

  /** A slice at its original size. */
  public static Slice original(String id, int height, int width, float[] pixels) {
    return new Slice(id, height, width, pixels, height, width);
  }

  /** Width ratio resized/original in float32, as torchvision's {@code resize_boxes}. */
  public float scaleX() {
    return (float) width / (float) originalWidth;
  }

  /** Height ratio resized/original in float32, as torchvision's {@code resize_boxes}. */
  public float scaleY() {
    return (float) height / (float) originalHeight;
  }

  /** The value at row {@code y}, column {@code x}, channel {@code c} (0 R, 1 G, 2 B). */
  public float pixel(int y, int x, int c) {
    return pixels[(y * width + x) * 3 + c];
  }
}
