package ssm.box;

import ssm.util.Check;

/**
 * Pastes a square mask-probability map (28 x 28 in the SSM) into the image, as torchvision's {@code
 * paste_masks_in_image} with padding 1 (docs/explanation/model.md#912-mask-pasting). Plain Java
 * post-processing, not graph code; all arithmetic in float32 as the reference.
 *
 * <ol>
 *   <li>the M x M map is padded with one zero pixel on each side: (M + 2) x (M + 2);
 *   <li>the box is enlarged about its centre by {@code (M + 2) / M} and truncated toward zero to
 *       ints: the paste box {@code [x1, y1, x2, y2]} (inclusive pixel corners);
 *   <li>the padded map is resized bilinearly (PyTorch {@code upsample_bilinear2d},
 *       align_corners=False: half-pixel centres, source coordinates below 0 clamped to 0) to {@code
 *       h x w}, {@code w = max(x2 - x1 + 1, 1)}, {@code h = max(y2 - y1 + 1, 1)};
 *   <li>the part inside the image is copied to rows {@code [max(y1, 0), min(y2 + 1, H))} and
 *       columns {@code [max(x1, 0), min(x2 + 1, W))}; the rest of the image is 0.
 * </ol>
 */
public final class MaskPaster {
  private MaskPaster() {}

  /**
   * A pasted soft mask.
   *
   * @param box the integer paste box {@code [x1, y1, x2, y2]} (enlarged, truncated)
   * @param mask {@code H * W} probabilities, row-major (index {@code y * W + x})
   */
  public record Pasted(int[] box, float[] mask) {}

  /**
   * Pastes {@code probs} ({@code m * m}, row-major) for {@code box} ({@code x1, y1, x2, y2} in
   * input pixels) into an {@code imageHeight x imageWidth} image.
   */
  public static Pasted paste(float[] probs, int m, float[] box, int imageHeight, int imageWidth) {
    checkInputs(probs, m, box);
    int[] b = pasteBox(box, m);
    Window win = window(probs, m, b, imageHeight, imageWidth);
    float[] image = new float[imageHeight * imageWidth];
    for (int y = 0; y < win.height(); y++) {
      System.arraycopy(
          win.values(),
          y * win.width(),
          image,
          (win.y0() + y) * imageWidth + win.x0(),
          win.width());
    }
    return new Pasted(b, image);
  }

  /**
   * The part of a pasted mask inside the image: {@code height x width} probabilities (row-major) at
   * image column {@code x0}, row {@code y0}; every pixel outside it is 0. What {@link #paste}
   * writes into its full-size image, without the full-size image.
   */
  public record Window(int x0, int y0, int width, int height, float[] values) {}

  /** {@link #paste}, as the {@link Window} inside the image only (same values). */
  public static Window pasteWindow(
      float[] probs, int m, float[] box, int imageHeight, int imageWidth) {
    checkInputs(probs, m, box);
    return window(probs, m, pasteBox(box, m), imageHeight, imageWidth);
  }

  private static void checkInputs(float[] probs, int m, float[] box) {
    Check.that(
        m > 0 && probs.length == m * m, "mask must be %s x %s, got %s values", m, m, probs.length);
    Check.that(box.length == 4, "box must have 4 coordinates, got %s", box.length);
  }

  /** The m x m mask, padded by one zero on each side, resized to paste box {@code b}, clipped. */
  private static Window window(float[] probs, int m, int[] b, int imageHeight, int imageWidth) {
    int p = m + 2;
    float[] padded = new float[p * p];
    for (int y = 0; y < m; y++) {
      System.arraycopy(probs, y * m, padded, (y + 1) * p + 1, m);
    }
    int w = Math.max(b[2] - b[0] + 1, 1);
    int h = Math.max(b[3] - b[1] + 1, 1);
    float[] resized = resizeBilinear(padded, p, p, h, w);
    int x0 = Math.max(b[0], 0);
    int x1 = Math.min(b[2] + 1, imageWidth);
    int y0 = Math.max(b[1], 0);
    int y1 = Math.min(b[3] + 1, imageHeight);
    int ww = Math.max(x1 - x0, 0);
    int wh = Math.max(y1 - y0, 0);
    if (ww == 0 || wh == 0) {
      return new Window(0, 0, 0, 0, new float[0]);
    }
    float[] values = new float[ww * wh];
    for (int y = y0; y < y1; y++) {
      for (int x = x0; x < x1; x++) {
        values[(y - y0) * ww + (x - x0)] = resized[(y - b[1]) * w + (x - b[0])];
      }
    }
    return new Window(x0, y0, ww, wh, values);
  }

  /**
   * torchvision {@code expand_boxes} by {@code (m + 2) / m} then {@code .to(int64)}: half-extents
   * and centre in float32, the scale as float32 (PyTorch multiplies a float tensor by a Python
   * scalar in float), truncation toward zero.
   */
  public static int[] pasteBox(float[] box, int m) {
    float scale = (float) ((double) (m + 2) / m);
    float wHalf = (box[2] - box[0]) * 0.5f * scale;
    float hHalf = (box[3] - box[1]) * 0.5f * scale;
    float xc = (box[2] + box[0]) * 0.5f;
    float yc = (box[3] + box[1]) * 0.5f;
    return new int[] {
      (int) (xc - wHalf), (int) (yc - hHalf), (int) (xc + wHalf), (int) (yc + hHalf)
    };
  }

  /**
   * PyTorch {@code upsample_bilinear2d} (CPU, align_corners=False, no scale factor) of an {@code
   * inH x inW} map to {@code outH x outW}, float32.
   */
  static float[] resizeBilinear(float[] in, int inH, int inW, int outH, int outW) {
    int[] y0 = new int[outH];
    int[] y1 = new int[outH];
    float[] ly0 = new float[outH];
    float[] ly1 = new float[outH];
    axis(inH, outH, y0, y1, ly0, ly1);
    int[] x0 = new int[outW];
    int[] x1 = new int[outW];
    float[] lx0 = new float[outW];
    float[] lx1 = new float[outW];
    axis(inW, outW, x0, x1, lx0, lx1);
    float[] out = new float[outH * outW];
    for (int y = 0; y < outH; y++) {
      for (int x = 0; x < outW; x++) {
        float top = in[y0[y] * inW + x0[x]] * lx0[x] + in[y0[y] * inW + x1[x]] * lx1[x];
        float bottom = in[y1[y] * inW + x0[x]] * lx0[x] + in[y1[y] * inW + x1[x]] * lx1[x];
        out[y * outW + x] = top * ly0[y] + bottom * ly1[y];
      }
    }
    return out;
  }

  /** Source indices and weights along one axis (PyTorch compute_source_index_and_lambda). */
  private static void axis(int in, int out, int[] i0, int[] i1, float[] l0, float[] l1) {
    float ratio = (float) in / (float) out;
    for (int o = 0; o < out; o++) {
      if (in == out) {
        i0[o] = o;
        i1[o] = o;
        l0[o] = 1f;
        l1[o] = 0f;
        continue;
      }
      float src = ratio * (o + 0.5f) - 0.5f;
      if (src < 0) {
        src = 0;
      }
      int index = Math.min((int) Math.floor(src), in - 1);
      float lambda = Math.min(Math.max(src - index, 0f), 1f);
      i0[o] = index;
      i1[o] = index + (index < in - 1 ? 1 : 0);
      l1[o] = lambda;
      l0[o] = 1f - lambda;
    }
  }

  /**
   * Run lengths of {@code mask > threshold} over the row-major mask: alternating runs of 0 and 1,
   * starting with a (possibly empty) run of 0.
   */
  public static int[] runLengths(float[] mask, float threshold) {
    java.util.List<Integer> runs = new java.util.ArrayList<>();
    boolean current = false;
    int length = 0;
    for (float v : mask) {
      boolean on = v > threshold;
      if (on != current) {
        runs.add(length);
        current = on;
        length = 0;
      }
      length++;
    }
    runs.add(length);
    return runs.stream().mapToInt(Integer::intValue).toArray();
  }
}
