package ssm.data.synthetic;

import java.util.Arrays;
import java.util.SplittableRandom;
import ssm.data.LesionMask;

/**
 * Renders one synthetic chest-CT slice and its CNCB-NCOV style mask (0 background, 1 lung, 2 GGO, 3
 * consolidation), deterministic for a seed. Drawn in Hounsfield-like units, then windowed to 8
 * bits: body ellipse with a fat layer, two lung fields (-860 HU) with branching vessels, heart,
 * vertebra with canal and spinous process, sternum, ribs, the scanner couch, a slight blur and
 * Gaussian noise. Lesions depend on the class:
 *
 * <ul>
 *   <li>COVID-19 (2): 3-7 peripheral ground-glass patches, at least one in each lung, about a third
 *       with a consolidation core;
 *   <li>CP (1): lobar consolidation in one lung: 1-2 large dense blobs with a ground-glass rim;
 *   <li>Normal (0): none.
 * </ul>
 *
 * <p>Brightness carries no class information: window width, noise and lesion intensity are drawn
 * per slice, and the window level is then solved (on the HU histogram) so that the slice's mean
 * 8-bit intensity equals a target drawn from one class-independent range.
 */
public final class SyntheticCtSlice {
  public static final int NORMAL = 0;
  public static final int CP = 1;
  public static final int COVID = 2;

  private static final float[] GAUSS = gaussianTable(8192, 12345L);
  private static final float AIR = -1000f;
  private static final float HU_MIN = -1200f;
  private static final float HU_MAX = 1800f;

  /**
   * A rendered slice: {@code image} 8-bit grey and {@code mask} (values 0-3), both row-major {@code
   * size x size}; {@code bodyBox} = {@code x1, y1, x2, y2} of the body, x2/y2 exclusive.
   */
  public record Rendered(int size, int label, byte[] image, byte[] mask, int[] bodyBox) {}

  private final int size;
  private final SplittableRandom r;
  private final float[] hu;
  private final byte[] mask;
  private final float unit; // pixels per 1/512 of the image

  private SyntheticCtSlice(int size, long seed) {
    this.size = size;
    this.r = new SplittableRandom(seed);
    this.hu = new float[size * size];
    this.mask = new byte[size * size];
    this.unit = size / 512f;
  }

  /** Renders a slice of class {@code label} (0 Normal, 1 CP, 2 COVID-19), {@code size >= 64}. */
  public static Rendered render(int size, int label, long seed) {
    if (size < 64) {
      throw new IllegalArgumentException("size = " + size + " must be at least 64");
    }
    if (label < 0 || label > 2) {
      throw new IllegalArgumentException("label = " + label + " is outside 0-2");
    }
    return new SyntheticCtSlice(size, seed).draw(label);
  }

  private Rendered draw(int label) {
    Arrays.fill(hu, AIR);
    double s = size;
    double cx = s * (0.5 + u(-0.03, 0.03));
    double cy = s * (0.5 + u(-0.02, 0.04));
    double ax = s * u(0.36, 0.46);
    double ay = ax * u(0.68, 0.80);
    double fat = s * u(0.015, 0.035);
    couch(cx, cy + ay + s * 0.035, ax);
    ellipse(cx, cy, ax, ay, 0, -90f + (float) u(-20, 20));
    ellipse(cx, cy, ax - fat, ay - fat, 0, 40f + (float) u(-10, 10));
    double[][] lungs = new double[2][];
    float lungHu = (float) (-860 + u(-30, 30));
    for (int k = 0; k < 2; k++) {
      int side = k == 0 ? -1 : 1;
      lungs[k] =
          new double[] {
            cx + side * ax * u(0.40, 0.48),
            cy - ay * u(0.0, 0.08),
            ax * u(0.30, 0.36),
            ay * u(0.62, 0.74),
            side * u(0, 0.15),
            side
          };
      lung(lungs[k], lungHu);
    }
    // heart and mediastinum override the medial lung edge
    ellipseMasked(
        cx + ax * u(-0.02, 0.08),
        cy + ay * u(0.02, 0.15),
        ax * u(0.24, 0.30),
        ay * u(0.36, 0.45),
        u(-0.3, 0.3),
        42f,
        true);
    for (double[] lung : lungs) {
      vessels(lung);
    }
    bones(cx, cy, ax, ay, fat);
    switch (label) {
      case COVID -> covid(lungs);
      case CP -> pneumonia(lungs[r.nextInt(2)]);
      default -> {}
    }
    blur();
    noise((float) u(12, 40));
    byte[] image = window(u(1000, 1700), u(35, 80), lungHu);
    int[] box = {
      clamp((int) Math.floor(cx - ax), 0, size),
      clamp((int) Math.floor(cy - ay), 0, size),
      clamp((int) Math.ceil(cx + ax), 0, size),
      clamp((int) Math.ceil(cy + ay), 0, size)
    };
    return new Rendered(size, label, image, mask, box);
  }

  // ---- anatomy

  private void couch(double cx, double y0, double ax) {
    int top = (int) y0;
    int bottom = (int) (y0 + Math.max(2, size * 0.02));
    int x1 = clamp((int) (cx - 1.15 * ax), 0, size);
    int x2 = clamp((int) (cx + 1.15 * ax), 0, size);
    for (int y = Math.max(0, top); y < Math.min(size, bottom); y++) {
      Arrays.fill(hu, y * size + x1, y * size + x2, 150f);
    }
  }

  private void lung(double[] l, float lungHu) {
    double p2 = u(0, Math.PI);
    double a2 = u(0.03, 0.08);
    double p3 = u(0, Math.PI);
    double a3 = u(0.02, 0.05);
    double c2 = Math.cos(p2);
    double s2 = Math.sin(p2);
    double c3 = Math.cos(p3);
    double s3 = Math.sin(p3);
    forEllipse(
        l[0],
        l[1],
        l[2],
        l[3],
        l[4],
        1.15,
        (p, uu, vv, d2) -> {
          double rr = Math.sqrt(d2) + 1e-9;
          double cos1 = uu / rr;
          double sin1 = vv / rr;
          double cos2 = cos1 * cos1 - sin1 * sin1;
          double sin2 = 2 * sin1 * cos1;
          double cos3 = cos2 * cos1 - sin2 * sin1;
          double sin3 = sin2 * cos1 + cos2 * sin1;
          double bound = 1 + a2 * (cos2 * c2 - sin2 * s2) + a3 * (cos3 * c3 - sin3 * s3);
          if (rr < bound) {
            hu[p] = lungHu;
            mask[p] = LesionMask.LUNG;
          }
        });
  }

  private void vessels(double[] l) {
    int branches = 5 + r.nextInt(5);
    double side = l[5];
    for (int b = 0; b < branches; b++) {
      double x = l[0] - side * l[2] * u(0.25, 0.7);
      double y = l[1] + l[3] * u(-0.35, 0.35);
      double angle = (side > 0 ? 0 : Math.PI) + u(-1.3, 1.3);
      walk(x, y, angle, unit * u(1.0, 2.2), l[2] * u(0.4, 1.0), (float) u(-250, -20), 2);
    }
    int dots = 25 + r.nextInt(30);
    for (int k = 0; k < dots; k++) {
      double a = u(0, 2 * Math.PI);
      double t = Math.sqrt(r.nextDouble());
      disc(
          l[0] + t * l[2] * Math.cos(a),
          l[1] + t * l[3] * Math.sin(a),
          Math.max(0.7, unit * u(0.7, 1.8)),
          (float) u(-350, -50));
    }
  }

  private void walk(
      double x, double y, double angle, double radius, double length, float v, int depth) {
    double step = Math.max(0.8, 1.5 * unit);
    int steps = (int) (length / step);
    for (int i = 0; i < steps; i++) {
      double rad = Math.max(0.6, radius * (1 - 0.7 * i / steps));
      disc(x, y, rad, v);
      angle += u(-0.25, 0.25);
      x += step * Math.cos(angle);
      y += step * Math.sin(angle);
      if (depth > 0 && r.nextDouble() < 0.04) {
        walk(x, y, angle + u(-0.9, 0.9), rad * 0.8, (steps - i) * step * 0.7, v, depth - 1);
      }
    }
  }

  /** A vessel cross-section: raises lung pixels only. */
  private void disc(double x, double y, double radius, float v) {
    forEllipse(
        x,
        y,
        radius,
        radius,
        0,
        (p, uu, vv, d2) -> {
          if (d2 < 1 && mask[p] == LesionMask.LUNG) {
            hu[p] = Math.max(hu[p], v);
          }
        });
  }

  private void bones(double cx, double cy, double ax, double ay, double fat) {
    double vy = cy + ay * u(0.52, 0.58);
    double ry = ay * u(0.11, 0.14);
    ellipse(cx, vy, ry * 1.15, ry, 0, 900f);
    ellipse(cx, vy, ry * 0.9, ry * 0.78, 0, (float) u(250, 400));
    ellipse(cx, vy + ry * 1.45, ry * 0.55, ry * 0.45, 0, 850f);
    ellipse(cx, vy + ry * 1.45, ry * 0.35, ry * 0.3, 0, 25f);
    ellipse(cx, vy + ry * 2.2, ry * 0.22, ry * 0.55, 0, 750f);
    ellipse(cx, cy - (ay - fat) * 0.9, ax * 0.07, ay * 0.05, 0, 600f);
    int ribs = 8 + r.nextInt(5);
    for (int k = 0; k < ribs; k++) {
      double a = (k % 2 == 0 ? 0 : Math.PI) + (k % 2 == 0 ? 1 : -1) * u(-1.2, 1.3);
      double rx = size * u(0.010, 0.016);
      ellipseMasked(
          cx + 0.93 * (ax - fat) * Math.cos(a),
          cy + 0.93 * (ay - fat) * Math.sin(a),
          Math.max(1.2, rx * 1.6),
          Math.max(1.0, rx),
          a,
          800f,
          false);
    }
  }

  // ---- lesions

  private void covid(double[][] lungs) {
    int n = 3 + r.nextInt(5);
    float ggo = (float) u(170, 380);
    for (int k = 0; k < n; k++) {
      double[] l = lungs[k < 2 ? k : r.nextInt(2)];
      double lateral = l[5] > 0 ? 0 : Math.PI;
      double phi = lateral + l[5] * u(-1.4, 1.6); // lateral and posterior (y down) favoured
      double t = u(0.55, 0.85);
      double ex = l[0] + t * l[2] * Math.cos(phi);
      double ey = l[1] + t * l[3] * Math.sin(phi);
      double ra = Math.max(9.5, size * u(0.022, 0.055));
      double rb = ra * u(0.6, 1.0);
      double rot = u(0, Math.PI);
      lesion(ex, ey, ra, rb, rot, LesionMask.GGO, ggo * (float) u(0.8, 1.2));
      if (r.nextDouble() < 0.35) {
        lesion(
            ex,
            ey,
            ra * u(0.35, 0.55),
            rb * u(0.35, 0.55),
            rot,
            LesionMask.CONSOLIDATION,
            (float) u(-150, 30));
      }
    }
  }

  private void pneumonia(double[] l) {
    int n = 1 + r.nextInt(2);
    float ggo = (float) u(200, 380);
    for (int k = 0; k < n; k++) {
      double ex = l[0] + l[2] * (k == 0 ? u(-0.3, 0.3) : u(-0.4, 0.4));
      double ey = l[1] + l[3] * (k == 0 ? u(0.2, 0.45) : u(-0.5, -0.2));
      double scale = k == 0 ? 1 : u(0.5, 0.7);
      double ra = l[2] * u(0.55, 0.8) * scale;
      double rb = l[3] * u(0.40, 0.6) * scale;
      double rot = u(-0.4, 0.4);
      lesion(ex, ey, ra * 1.25, rb * 1.25, rot, LesionMask.GGO, ggo);
      lesion(ex, ey, ra, rb, rot, LesionMask.CONSOLIDATION, (float) u(-80, 50));
    }
  }

  /**
   * A lesion blob inside the lungs: GGO adds {@code value} HU, consolidation blends towards {@code
   * value} HU; full strength inside 0.7 of the (perturbed) radius, fading out at 1; the mask takes
   * {@code kind} where the radius is below 0.85 (consolidation wins over GGO).
   */
  private void lesion(
      double ex, double ey, double ra, double rb, double rot, int kind, float value) {
    double a2 = u(0.05, 0.15);
    double p2 = u(0, Math.PI);
    double a3 = u(0.03, 0.10);
    double p3 = u(0, Math.PI);
    double c2 = Math.cos(p2);
    double s2 = Math.sin(p2);
    double c3 = Math.cos(p3);
    double s3 = Math.sin(p3);
    forEllipse(
        ex,
        ey,
        ra,
        rb,
        rot,
        1.25,
        (p, uu, vv, d2) -> {
          if (mask[p] == 0) {
            return;
          }
          double rr = Math.sqrt(d2) + 1e-9;
          double cos1 = uu / rr;
          double sin1 = vv / rr;
          double cos2 = cos1 * cos1 - sin1 * sin1;
          double sin2 = 2 * sin1 * cos1;
          double cos3 = cos2 * cos1 - sin2 * sin1;
          double sin3 = sin2 * cos1 + cos2 * sin1;
          double d = rr / (1 + a2 * (cos2 * c2 - sin2 * s2) + a3 * (cos3 * c3 - sin3 * s3));
          if (d >= 1) {
            return;
          }
          float m = (float) Math.min(1, (1 - d) / 0.3);
          if (kind == LesionMask.GGO) {
            hu[p] += m * value;
          } else {
            hu[p] += m * (value - hu[p]);
          }
          if (d < 0.85 && mask[p] < kind) {
            mask[p] = (byte) kind;
          }
        });
  }

  // ---- drawing primitives

  @FunctionalInterface
  private interface PixelOp {
    /** Pixel {@code p}; (uu, vv) its rotated coordinates in radii; d2 = uu^2 + vv^2. */
    void apply(int p, double uu, double vv, double d2);
  }

  private void forEllipse(double ex, double ey, double ra, double rb, double rot, PixelOp op) {
    forEllipse(ex, ey, ra, rb, rot, 1.0, op);
  }

  /** Visits the pixels with d2 below {@code reach^2} (reach >= 1 for perturbed outlines). */
  private void forEllipse(
      double ex, double ey, double ra, double rb, double rot, double reach, PixelOp op) {
    double extent = Math.max(ra, rb) * reach;
    double limit = reach * reach;
    int x1 = clamp((int) Math.floor(ex - extent), 0, size);
    int x2 = clamp((int) Math.ceil(ex + extent) + 1, 0, size);
    int y1 = clamp((int) Math.floor(ey - extent), 0, size);
    int y2 = clamp((int) Math.ceil(ey + extent) + 1, 0, size);
    double cos = Math.cos(rot);
    double sin = Math.sin(rot);
    for (int y = y1; y < y2; y++) {
      double dy = y + 0.5 - ey;
      for (int x = x1; x < x2; x++) {
        double dx = x + 0.5 - ex;
        double uu = (dx * cos + dy * sin) / ra;
        double vv = (-dx * sin + dy * cos) / rb;
        double d2 = uu * uu + vv * vv;
        if (d2 < limit) {
          op.apply(y * size + x, uu, vv, d2);
        }
      }
    }
  }

  private void ellipse(double ex, double ey, double ra, double rb, double rot, float v) {
    forEllipse(
        ex,
        ey,
        ra,
        rb,
        rot,
        (p, uu, vv, d2) -> {
          if (d2 < 1) {
            hu[p] = v;
          }
        });
  }

  /** Fills the ellipse; clears the lung mask there when {@code overLungs}, else skips lungs. */
  private void ellipseMasked(
      double ex, double ey, double ra, double rb, double rot, float v, boolean overLungs) {
    forEllipse(
        ex,
        ey,
        ra,
        rb,
        rot,
        (p, uu, vv, d2) -> {
          if (d2 < 1 && (overLungs || mask[p] == 0)) {
            hu[p] = v;
            mask[p] = 0;
          }
        });
  }

  private void blur() {
    // separable [1 2 1] / 4, borders replicated
    float[] tmp = new float[hu.length];
    for (int y = 0; y < size; y++) {
      int o = y * size;
      for (int x = 0; x < size; x++) {
        float left = hu[o + Math.max(0, x - 1)];
        float right = hu[o + Math.min(size - 1, x + 1)];
        tmp[o + x] = 0.25f * left + 0.5f * hu[o + x] + 0.25f * right;
      }
    }
    for (int y = 0; y < size; y++) {
      int up = Math.max(0, y - 1) * size;
      int down = Math.min(size - 1, y + 1) * size;
      int o = y * size;
      for (int x = 0; x < size; x++) {
        hu[o + x] = 0.25f * tmp[up + x] + 0.5f * tmp[o + x] + 0.25f * tmp[down + x];
      }
    }
  }

  private void noise(float sigma) {
    int mask13 = GAUSS.length - 1;
    for (int p = 0; p < hu.length; p += 4) {
      long bits = r.nextLong();
      for (int k = 0; k < 4 && p + k < hu.length; k++) {
        hu[p + k] += sigma * GAUSS[(int) (bits >>> (13 * k)) & mask13];
      }
    }
  }

  /**
   * 8-bit image through a window of {@code width} HU whose level makes the mean intensity equal
   * {@code targetMean} (bisection on the 1-HU histogram; the mean falls as the level rises), the
   * level kept where air is near black and the lung parenchyma is not clipped.
   */
  private byte[] window(double width, double targetMean, float lungHu) {
    int bins = (int) (HU_MAX - HU_MIN);
    int[] hist = new int[bins];
    for (float v : hu) {
      hist[clamp((int) (v - HU_MIN), 0, bins - 1)]++;
    }
    double lo = -1060 + width / 2; // air stays below ~10 of 255, as on a real lung window
    double hi = lungHu - 60 + width / 2; // lung parenchyma stays above black: lesions visible
    for (int it = 0; it < 40; it++) {
      double level = 0.5 * (lo + hi);
      if (meanOf(hist, level, width) > targetMean) {
        lo = level;
      } else {
        hi = level;
      }
    }
    double level = 0.5 * (lo + hi);
    float low = (float) (level - width / 2);
    float k = (float) (255 / width);
    byte[] out = new byte[hu.length];
    for (int p = 0; p < hu.length; p++) {
      out[p] = (byte) clamp(Math.round((hu[p] - low) * k), 0, 255);
    }
    return out;
  }

  private double meanOf(int[] hist, double level, double width) {
    double low = level - width / 2;
    double sum = 0;
    for (int b = 0; b < hist.length; b++) {
      if (hist[b] != 0) {
        double v = (b + HU_MIN + 0.5 - low) * 255 / width;
        sum += hist[b] * Math.max(0, Math.min(255, v));
      }
    }
    return sum / hu.length;
  }

  private double u(double lo, double hi) {
    return lo + (hi - lo) * r.nextDouble();
  }

  private static int clamp(int v, int lo, int hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  private static float[] gaussianTable(int n, long seed) {
    java.util.Random g = new java.util.Random(seed);
    float[] t = new float[n];
    for (int i = 0; i < n; i++) {
      t[i] = (float) g.nextGaussian();
    }
    return t;
  }
}
