package ssm.data;

import ssm.util.Check;

/**
 * The input resize of docs/explanation/model.md#21-input (torchvision's GeneralizedRCNNTransform):
 * scale so the short side becomes {@code minSize} unless the long side would exceed {@code
 * maxSize}; output size {@code floor(side * scale)} (interpolate with {@code
 * recompute_scale_factor=True}). Images use bilinear interpolation with {@code
 * align_corners=False}; masks use torch's nearest mode. An image already at the output size is
 * returned unchanged (the same object).
 */
public final class Resizer {
  private final int minSize;
  private final int maxSize;

  /** A resizer to short side {@code minSize}, long side at most {@code maxSize}. */
  public Resizer(int minSize, int maxSize) {
    Check.positive("minSize", minSize);
    Check.that(maxSize >= minSize, "maxSize (%s) must not be below minSize (%s)", maxSize, minSize);
    this.minSize = minSize;
    this.maxSize = maxSize;
  }

  /** 512 / 1024, as docs/explanation/model.md#21-input. */
  public static Resizer defaults() {
    return new Resizer(512, 1024);
  }

  /** The short side the transform aims at. */
  public int minSize() {
    return minSize;
  }

  /** The long side the transform never exceeds. */
  public int maxSize() {
    return maxSize;
  }

  /** {@code {outHeight, outWidth}} for an {@code height x width} input. */
  public int[] outputSize(int height, int width) {
    // torchvision: Python doubles; scale = min_size / short, reduced when long * scale > max_size
    double shortSide = Math.min(height, width);
    double longSide = Math.max(height, width);
    double scale = minSize / shortSide;
    if (longSide * scale > maxSize) {
      scale = maxSize / longSide;
    }
    return new int[] {(int) Math.floor(height * scale), (int) Math.floor(width * scale)};
  }

  /** The slice resized to {@link #outputSize}; the same object when the size does not change. */
  public Slice resize(Slice s) {
    int[] out = outputSize(s.height(), s.width());
    if (out[0] == s.height() && out[1] == s.width()) {
      return s;
    }
    float[] pixels = bilinear(s.pixels(), s.height(), s.width(), 3, out[0], out[1]);
    return new Slice(s.id(), out[0], out[1], pixels, s.originalHeight(), s.originalWidth());
  }

  /**
   * Bilinear resize of a row-major {@code [inH, inW, channels]} array, align_corners=False, as
   * PyTorch's CPU kernel: {@code src = max((dst + 0.5) * in / out - 0.5, 0)} in float32, the upper
   * neighbour clamped to the last row/column.
   */
  public static float[] bilinear(float[] in, int inH, int inW, int channels, int outH, int outW) {
    float[] out = new float[outH * outW * channels];
    int[] x0 = new int[outW];
    int[] x1 = new int[outW];
    float[] wx0 = new float[outW];
    float[] wx1 = new float[outW];
    float scaleX = (float) inW / outW;
    for (int x = 0; x < outW; x++) {
      float src = Math.max(scaleX * (x + 0.5f) - 0.5f, 0f);
      x0[x] = (int) src;
      x1[x] = x0[x] + (x0[x] < inW - 1 ? 1 : 0);
      wx1[x] = src - x0[x];
      wx0[x] = 1f - wx1[x];
    }
    float scaleY = (float) inH / outH;
    for (int y = 0; y < outH; y++) {
      float src = Math.max(scaleY * (y + 0.5f) - 0.5f, 0f);
      int y0 = (int) src;
      int y1 = y0 + (y0 < inH - 1 ? 1 : 0);
      float wy1 = src - y0;
      float wy0 = 1f - wy1;
      int row0 = y0 * inW * channels;
      int row1 = y1 * inW * channels;
      int o = y * outW * channels;
      for (int x = 0; x < outW; x++) {
        int a = x0[x] * channels;
        int b = x1[x] * channels;
        for (int c = 0; c < channels; c++) {
          float top = in[row0 + a + c] * wx0[x] + in[row0 + b + c] * wx1[x];
          float bottom = in[row1 + a + c] * wx0[x] + in[row1 + b + c] * wx1[x];
          out[o++] = top * wy0 + bottom * wy1;
        }
      }
    }
    return out;
  }

  /**
   * Nearest-neighbour resize of a row-major {@code [inH, inW]} mask, as torch's {@code nearest}
   * mode: {@code src = min(floor(dst * in / out), in - 1)} in float32.
   */
  public static byte[] nearest(byte[] in, int inH, int inW, int outH, int outW) {
    byte[] out = new byte[outH * outW];
    int[] xs = new int[outW];
    for (int x = 0; x < outW; x++) {
      xs[x] = nearestIndex(x, inW, outW);
    }
    for (int y = 0; y < outH; y++) {
      int row = nearestIndex(y, inH, outH) * inW;
      int o = y * outW;
      for (int x = 0; x < outW; x++) {
        out[o + x] = in[row + xs[x]];
      }
    }
    return out;
  }

  static int nearestIndex(int dst, int inSize, int outSize) {
    if (outSize == inSize) {
      return dst;
    }
    if (outSize == 2 * inSize) {
      return dst >> 1;
    }
    float scale = (float) inSize / outSize;
    return Math.min((int) Math.floor(dst * scale), inSize - 1);
  }
}
