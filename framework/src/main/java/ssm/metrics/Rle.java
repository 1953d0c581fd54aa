package ssm.metrics;

import java.util.Arrays;
import java.util.List;
import ssm.util.Check;

/**
 * A binary mask in COCO run-length encoding, bit-for-bit as pycocotools' {@code maskApi.c}.
 *
 * <p>The mask is H x W; runs are taken in column-major (Fortran) order, i.e. pixel {@code (y, x)}
 * is run position {@code x * H + y}. Counts alternate zeros, ones, zeros, ... and always start with
 * a (possibly empty) run of zeros. All public constructors take and return row-major pixels ({@code
 * y * W + x}), the layout of our tensors and PNG masks.
 *
 * <p>Instances are immutable. Boxes are COCO {@code [x, y, width, height]} in pixels.
 */
public final class Rle {
  private final int height;
  private final int width;
  private final int[] counts;

  private Rle(int height, int width, int[] counts) {
    this.height = height;
    this.width = width;
    this.counts = counts;
  }

  /** An RLE from uncompressed counts (COCO {@code {"size": [h, w], "counts": [...]}}). */
  public static Rle fromCounts(int height, int width, int[] counts) {
    Check.that(height >= 0 && width >= 0, "RLE size %dx%d is negative", height, width);
    long sum = 0;
    for (int c : counts) {
      Check.that(c >= 0, "RLE count %d is negative", c);
      sum += c;
    }
    Check.that(
        sum == (long) height * width,
        "RLE counts sum to %d but the mask is %dx%d = %d pixels",
        sum,
        height,
        width,
        (long) height * width);
    return new Rle(height, width, counts.clone());
  }

  /**
   * Encodes a row-major mask; a pixel is set where {@code mask[i] != 0} (pycocotools rleEncode).
   */
  public static Rle encode(byte[] mask, int height, int width) {
    checkLength(mask.length, height, width);
    return encode(i -> mask[i] != 0, height, width);
  }

  /**
   * Encodes plane {@code k} of {@code planes}, row-major {@code height x width} masks stacked one
   * after another (instance masks as the data layer holds them).
   */
  public static Rle encodePlane(byte[] planes, int k, int height, int width) {
    int plane = height * width;
    Check.that(
        k >= 0 && (long) (k + 1) * plane <= planes.length,
        "plane %s of %sx%s is outside %s values",
        k,
        height,
        width,
        planes.length);
    int offset = k * plane;
    return encode(i -> planes[offset + i] != 0, height, width);
  }

  /** Encodes a row-major boolean mask. */
  public static Rle encode(boolean[] mask, int height, int width) {
    checkLength(mask.length, height, width);
    return encode(i -> mask[i], height, width);
  }

  /**
   * Binarises row-major mask probabilities with {@code p > threshold} (the paper and Matterport use
   * 0.5) and encodes the result.
   */
  public static Rle fromProbabilities(
      float[] probabilities, int height, int width, float threshold) {
    checkLength(probabilities.length, height, width);
    return encode(i -> probabilities[i] > threshold, height, width);
  }

  /**
   * {@link #fromProbabilities} of an image that is 0 everywhere but in a {@code windowWidth x
   * windowHeight} window (row-major values) at column {@code x0}, row {@code y0}: the same RLE,
   * without visiting the pixels outside the window. {@code threshold} must be >= 0 (0 is then
   * background).
   */
  public static Rle fromWindowProbabilities(
      float[] window,
      int x0,
      int y0,
      int windowWidth,
      int windowHeight,
      int height,
      int width,
      float threshold) {
    Check.that(threshold >= 0, "threshold %s must be >= 0", threshold);
    Check.that(
        window.length == windowWidth * windowHeight
            && x0 >= 0
            && y0 >= 0
            && x0 + windowWidth <= width
            && y0 + windowHeight <= height,
        "window %dx%d at (%d, %d) does not fit a %dx%d image",
        windowWidth,
        windowHeight,
        x0,
        y0,
        width,
        height);
    Runs r = new Runs();
    for (int x = 0; x < width; x++) {
      if (x < x0 || x >= x0 + windowWidth) {
        r.add(false, height);
        continue;
      }
      r.add(false, y0);
      for (int y = 0; y < windowHeight; y++) {
        r.add(window[y * windowWidth + (x - x0)] > threshold, 1);
      }
      r.add(false, height - y0 - windowHeight);
    }
    return new Rle(height, width, r.finish());
  }

  /**
   * Column-major run lengths, starting with background, as {@link #encode(PixelSource, int, int)}.
   */
  private static final class Runs {
    private int[] counts = new int[16];
    private int k;
    private boolean previous;
    private int run;

    void add(boolean v, int n) {
      if (n <= 0) {
        return;
      }
      if (v != previous) {
        push(run);
        run = 0;
        previous = v;
      }
      run += n;
    }

    private void push(int c) {
      if (k == counts.length) {
        counts = Arrays.copyOf(counts, 2 * k);
      }
      counts[k++] = c;
    }

    int[] finish() {
      push(run);
      return Arrays.copyOf(counts, k);
    }
  }

  private interface PixelSource {
    boolean get(int rowMajorIndex);
  }

  private static void checkLength(int length, int height, int width) {
    Check.that(
        length == height * width,
        "mask has %d pixels but its size is %dx%d = %d",
        length,
        height,
        width,
        height * width);
  }

  private static Rle encode(PixelSource mask, int height, int width) {
    int area = height * width;
    int[] cnts = new int[area + 1];
    int k = 0;
    boolean previous = false;
    int run = 0;
    for (int x = 0; x < width; x++) {
      for (int y = 0; y < height; y++) {
        boolean v = mask.get(y * width + x);
        if (v != previous) {
          cnts[k++] = run;
          run = 0;
          previous = v;
        }
        run++;
      }
    }
    cnts[k++] = run;
    return new Rle(height, width, Arrays.copyOf(cnts, k));
  }

  /** The mask as row-major booleans (pycocotools rleDecode, transposed to row-major). */
  public boolean[] decode() {
    boolean[] mask = new boolean[height * width];
    int position = 0;
    boolean v = false;
    for (int c : counts) {
      if (v) {
        for (int p = position; p < position + c; p++) {
          mask[(p % height) * width + p / height] = true;
        }
      }
      position += c;
      v = !v;
    }
    return mask;
  }

  /** Mask height H in pixels. */
  public int height() {
    return height;
  }

  /** Mask width W in pixels. */
  public int width() {
    return width;
  }

  /** The uncompressed counts (a copy). */
  public int[] counts() {
    return counts.clone();
  }

  /** Number of set pixels (pycocotools rleArea). */
  public long area() {
    long a = 0;
    for (int j = 1; j < counts.length; j += 2) {
      a += counts[j];
    }
    return a;
  }

  /**
   * Tight box {@code [x, y, w, h]} around the set pixels; all zeros for an empty mask (rleToBbox).
   */
  public double[] toBbox() {
    int m = (counts.length / 2) * 2;
    if (m == 0 || height == 0) {
      return new double[4];
    }
    long h = height;
    long xs = width;
    long ys = height;
    long xe = 0;
    long ye = 0;
    long cc = 0;
    long xp = 0;
    for (int j = 0; j < m; j++) {
      cc += counts[j];
      long t = cc - j % 2;
      long y = t % h;
      long x = (t - y) / h;
      if (j % 2 == 0) {
        xp = x;
      } else if (xp < x) { // a run of ones crosses a column: the box spans the full height
        ys = 0;
        ye = h - 1;
      }
      xs = Math.min(xs, x);
      xe = Math.max(xe, x);
      ys = Math.min(ys, y);
      ye = Math.max(ye, y);
    }
    return new double[] {xs, ys, xe - xs + 1, ye - ys + 1};
  }

  /**
   * The compressed string form of the counts (pycocotools rleToString): each count, or for {@code i
   * > 2} its difference to count {@code i - 2}, in 5-bit little-endian groups with a continuation
   * bit, as characters 48..111.
   */
  public String toCompressedString() {
    StringBuilder s = new StringBuilder(counts.length * 2);
    for (int i = 0; i < counts.length; i++) {
      long x = Integer.toUnsignedLong(counts[i]);
      if (i > 2) { // sic: pycocotools starts the delta trick at i = 3, not 2
        x -= Integer.toUnsignedLong(counts[i - 2]);
      }
      boolean more = true;
      while (more) {
        int c = (int) (x & 0x1f);
        x >>= 5;
        more = (c & 0x10) != 0 ? x != -1 : x != 0;
        if (more) {
          c |= 0x20;
        }
        s.append((char) (c + 48));
      }
    }
    return s.toString();
  }

  /**
   * Parses the compressed string form (pycocotools rleFrString); the inverse of {@link
   * #toCompressedString}.
   */
  public static Rle fromCompressedString(String s, int height, int width) {
    int[] cnts = new int[s.length()];
    int m = 0;
    int p = 0;
    while (p < s.length()) {
      long x = 0;
      int k = 0;
      boolean more = true;
      while (more) {
        Check.that(p < s.length(), "RLE string '%s' ends inside a count", s);
        int c = s.charAt(p) - 48;
        Check.that(c >= 0 && c < 64, "RLE string '%s' has a character outside 48..111", s);
        x |= (long) (c & 0x1f) << (5 * k);
        more = (c & 0x20) != 0;
        p++;
        k++;
        if (!more && (c & 0x10) != 0) {
          x |= -1L << (5 * k);
        }
      }
      if (m > 2) {
        x += Integer.toUnsignedLong(cnts[m - 2]);
      }
      cnts[m++] = (int) x;
    }
    return fromCounts(height, width, Arrays.copyOf(cnts, m));
  }

  /**
   * Rasterises a polygon {@code [x0, y0, x1, y1, ...]} in pixel coordinates as pycocotools
   * rleFrPoly: the boundary is walked on a 5x upsampled grid, then each column is filled between
   * its y-boundary crossings.
   */
  public static Rle fromPolygon(double[] xy, int height, int width) {
    Check.that(xy.length % 2 == 0, "polygon has an odd number of coordinates (%d)", xy.length);
    int k = xy.length / 2;
    final double scale = 5;
    int[] x = new int[k + 1];
    int[] y = new int[k + 1];
    for (int j = 0; j < k; j++) {
      x[j] = (int) (scale * xy[j * 2] + .5); // C cast: truncation toward zero, as in maskApi.c
      y[j] = (int) (scale * xy[j * 2 + 1] + .5);
    }
    x[k] = x[0];
    y[k] = y[0];
    int m = 0;
    for (int j = 0; j < k; j++) {
      m += Math.max(Math.abs(x[j] - x[j + 1]), Math.abs(y[j] - y[j + 1])) + 1;
    }
    int[] u = new int[m];
    int[] v = new int[m];
    m = 0;
    for (int j = 0; j < k; j++) {
      int xs = x[j];
      int xe = x[j + 1];
      int ys = y[j];
      int ye = y[j + 1];
      int dx = Math.abs(xe - xs);
      int dy = Math.abs(ys - ye);
      boolean flip = (dx >= dy && xs > xe) || (dx < dy && ys > ye);
      if (flip) {
        int t = xs;
        xs = xe;
        xe = t;
        t = ys;
        ys = ye;
        ye = t;
      }
      double s = dx >= dy ? (double) (ye - ys) / dx : (double) (xe - xs) / dy;
      if (dx >= dy) {
        for (int d = 0; d <= dx; d++) {
          int t = flip ? dx - d : d;
          u[m] = t + xs;
          v[m] = (int) (ys + s * t + .5);
          m++;
        }
      } else {
        for (int d = 0; d <= dy; d++) {
          int t = flip ? dy - d : d;
          v[m] = t + ys;
          u[m] = (int) (xs + s * t + .5);
          m++;
        }
      }
    }
    // points along the y-boundary, downsampled
    int n = m;
    m = 0;
    long[] a = new long[n + 1];
    for (int j = 1; j < n; j++) {
      if (u[j] != u[j - 1]) {
        double xd = u[j] < u[j - 1] ? u[j] : u[j] - 1;
        xd = (xd + .5) / scale - .5;
        if (Math.floor(xd) != xd || xd < 0 || xd > width - 1) {
          continue;
        }
        double yd = v[j] < v[j - 1] ? v[j] : v[j - 1];
        yd = (yd + .5) / scale - .5;
        if (yd < 0) {
          yd = 0;
        } else if (yd > height) {
          yd = height;
        }
        yd = Math.ceil(yd);
        a[m++] = (long) ((int) xd * height + (int) yd);
      }
    }
    a[m++] = (long) height * width;
    long[] sorted = Arrays.copyOf(a, m);
    Arrays.sort(sorted);
    long p = 0;
    for (int j = 0; j < m; j++) {
      long t = sorted[j];
      sorted[j] -= p;
      p = t;
    }
    int[] b = new int[m];
    int j = 0;
    int nb = 0;
    b[nb++] = (int) sorted[j++];
    while (j < m) {
      if (sorted[j] > 0) {
        b[nb++] = (int) sorted[j++];
      } else {
        j++;
        if (j < m) {
          b[nb - 1] += (int) sorted[j++];
        }
      }
    }
    return new Rle(height, width, Arrays.copyOf(b, nb));
  }

  /**
   * Rasterises a box {@code [x, y, w, h]} as the polygon of its corners (pycocotools rleFrBbox).
   */
  public static Rle fromBbox(double[] box, int height, int width) {
    double xs = box[0];
    double xe = xs + box[2];
    double ys = box[1];
    double ye = ys + box[3];
    return fromPolygon(new double[] {xs, ys, xs, ye, xe, ye, xe, ys}, height, width);
  }

  /**
   * Union ({@code intersect = false}) or intersection of same-sized masks (pycocotools rleMerge).
   */
  public static Rle merge(List<Rle> rles, boolean intersect) {
    Check.that(!rles.isEmpty(), "merge needs at least one RLE");
    Rle first = rles.get(0);
    int h = first.height;
    int w = first.width;
    int[] cnts = first.counts.clone();
    int m = cnts.length;
    for (int i = 1; i < rles.size(); i++) {
      Rle b = rles.get(i);
      Check.that(
          b.height == h && b.width == w,
          "cannot merge a %dx%d RLE with a %dx%d one",
          b.height,
          b.width,
          h,
          w);
      int[] aCnts = Arrays.copyOf(cnts, m);
      int[] out = new int[aCnts.length + b.counts.length + 1];
      long ca = aCnts[0];
      long cb = b.counts[0];
      boolean v = false;
      boolean va = false;
      boolean vb = false;
      int ia = 1;
      int ib = 1;
      long cc = 0;
      long ct = 1;
      m = 0;
      while (ct > 0) {
        long c = Math.min(ca, cb);
        cc += c;
        ct = 0;
        ca -= c;
        if (ca == 0 && ia < aCnts.length) {
          ca = aCnts[ia++];
          va = !va;
        }
        ct += ca;
        cb -= c;
        if (cb == 0 && ib < b.counts.length) {
          cb = b.counts[ib++];
          vb = !vb;
        }
        ct += cb;
        boolean vp = v;
        v = intersect ? va && vb : va || vb;
        if (v != vp || ct == 0) {
          out[m++] = (int) cc;
          cc = 0;
        }
      }
      cnts = out;
    }
    return new Rle(h, w, Arrays.copyOf(cnts, m));
  }

  /**
   * Mask IoU of a detection with a ground truth (pycocotools rleIou): intersection over union, or
   * over the detection's area when the ground truth is a crowd region; 0 when the boxes or masks do
   * not overlap.
   */
  public static double iou(Rle dt, Rle gt, boolean gtIsCrowd) {
    if (bboxIou(dt.toBbox(), gt.toBbox(), gtIsCrowd) <= 0) {
      return 0;
    }
    return maskIou(dt, gt, gtIsCrowd);
  }

  /** IoU matrix {@code [detection][groundTruth]}, with per-gt crowd flags (may be null). */
  public static double[][] iou(List<Rle> dts, List<Rle> gts, boolean[] gtIsCrowd) {
    double[][] dtBoxes = new double[dts.size()][];
    double[][] gtBoxes = new double[gts.size()][];
    for (int d = 0; d < dts.size(); d++) {
      dtBoxes[d] = dts.get(d).toBbox();
    }
    for (int g = 0; g < gts.size(); g++) {
      gtBoxes[g] = gts.get(g).toBbox();
    }
    double[][] o = new double[dts.size()][gts.size()];
    for (int g = 0; g < gts.size(); g++) {
      boolean crowd = gtIsCrowd != null && gtIsCrowd[g];
      for (int d = 0; d < dts.size(); d++) {
        if (bboxIou(dtBoxes[d], gtBoxes[g], crowd) > 0) { // cheap reject, as rleIou does
          o[d][g] = maskIou(dts.get(d), gts.get(g), crowd);
        }
      }
    }
    return o;
  }

  private static double maskIou(Rle dt, Rle gt, boolean crowd) {
    Check.that(
        dt.height == gt.height && dt.width == gt.width,
        "IoU of a %dx%d mask with a %dx%d mask",
        dt.height,
        dt.width,
        gt.height,
        gt.width);
    long ca = dt.counts[0];
    long cb = gt.counts[0];
    int ka = dt.counts.length;
    int kb = gt.counts.length;
    boolean va = false;
    boolean vb = false;
    int a = 1;
    int b = 1;
    long inter = 0;
    long union = 0;
    long ct = 1;
    while (ct > 0) {
      long c = Math.min(ca, cb);
      if (va || vb) {
        union += c;
        if (va && vb) {
          inter += c;
        }
      }
      ct = 0;
      ca -= c;
      if (ca == 0 && a < ka) {
        ca = dt.counts[a++];
        va = !va;
      }
      ct += ca;
      cb -= c;
      if (cb == 0 && b < kb) {
        cb = gt.counts[b++];
        vb = !vb;
      }
      ct += cb;
    }
    if (inter == 0) {
      union = 1;
    } else if (crowd) {
      union = dt.area();
    }
    return (double) inter / (double) union;
  }

  /**
   * Box IoU of {@code [x, y, w, h]} boxes (pycocotools bbIou); with {@code gtIsCrowd} the union is
   * the detection's area.
   */
  public static double bboxIou(double[] dt, double[] gt, boolean gtIsCrowd) {
    double ga = gt[2] * gt[3];
    double da = dt[2] * dt[3];
    double w = Math.min(dt[2] + dt[0], gt[2] + gt[0]) - Math.max(dt[0], gt[0]);
    if (w <= 0) {
      return 0;
    }
    double h = Math.min(dt[3] + dt[1], gt[3] + gt[1]) - Math.max(dt[1], gt[1]);
    if (h <= 0) {
      return 0;
    }
    double i = w * h;
    double u = gtIsCrowd ? da : da + ga - i;
    return i / u;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Rle r
        && r.height == height
        && r.width == width
        && Arrays.equals(r.counts, counts);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * height + width) + Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    return "Rle[" + height + "x" + width + ", counts=" + Arrays.toString(counts) + "]";
  }
}
