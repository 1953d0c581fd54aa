package ssm.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ssm.util.Check;

/**
 * The lesion area as the segmentation literature scores it (Dice, sensitivity, specificity), beside
 * the instance APs: on each slice the truth is the union of its lesions (ground-glass opacity and
 * consolidation alike) and the prediction the union of the masks of the detections scoring at least
 * a stated threshold; the pixels are counted as TP, FP, FN, TN.
 *
 * <ul>
 *   <li>Per slice: Dice {@code 2TP / (2TP + FP + FN)}, sensitivity {@code TP / (TP + FN)},
 *       specificity {@code TN / (TN + FP)}; each then averaged over the slices where it is defined.
 *       Dice is undefined on a slice where truth and prediction are both empty: such slices are
 *       left out of the mean Dice (counted in {@link Result#bothEmpty()}), since counting them as 1
 *       would reward a model for the lesion-free slices of a set rather than for its lesions. A
 *       slice without lesions but with a prediction scores Dice 0. Sensitivity is undefined on a
 *       slice without lesions, specificity on a slice that is all lesion.
 *   <li>Pooled: the same three figures from the sums of TP, FP, FN, TN over all slices.
 * </ul>
 */
public final class LesionAreaMetrics {
  /** The score threshold of the rule and of {@code eval.lesion-area-score}'s default. */
  public static final double DEFAULT_SCORE = 0.5;

  private LesionAreaMetrics() {}

  /** Pixel counts of one slice, or their sums over slices. */
  public record Counts(long tp, long fp, long fn, long tn) {
    public Counts {
      Check.that(
          tp >= 0 && fp >= 0 && fn >= 0 && tn >= 0,
          "pixel counts must not be negative: TP %d, FP %d, FN %d, TN %d",
          tp,
          fp,
          fn,
          tn);
    }

    /** {@code 2TP / (2TP + FP + FN)}; NaN when truth and prediction are both empty. */
    public double dice() {
      long d = 2 * tp + fp + fn;
      return d == 0 ? Double.NaN : 2.0 * tp / d;
    }

    /** {@code TP / (TP + FN)}; NaN without lesion pixels. */
    public double sensitivity() {
      return tp + fn == 0 ? Double.NaN : (double) tp / (tp + fn);
    }

    /** {@code TN / (TN + FP)}; NaN without lesion-free pixels. */
    public double specificity() {
      return tn + fp == 0 ? Double.NaN : (double) tn / (tn + fp);
    }

    Counts plus(Counts o) {
      return new Counts(tp + o.tp, fp + o.fp, fn + o.fn, tn + o.tn);
    }
  }

  /**
   * The counts of one {@code height x width} slice: the union of {@code truth} against the union of
   * {@code predicted} (either list may be empty), by run-length merges, never pixel by pixel.
   */
  public static Counts count(List<Rle> truth, List<Rle> predicted, int height, int width) {
    Rle t = union(truth, height, width);
    Rle p = union(predicted, height, width);
    long tArea = t == null ? 0 : t.area();
    long pArea = p == null ? 0 : p.area();
    long tp = t == null || p == null ? 0 : Rle.merge(List.of(t, p), true).area();
    long all = (long) height * width;
    return new Counts(tp, pArea - tp, tArea - tp, all - tArea - pArea + tp);
  }

  private static Rle union(List<Rle> masks, int height, int width) {
    if (masks.isEmpty()) {
      return null;
    }
    for (Rle m : masks) {
      Check.that(
          m.height() == height && m.width() == width,
          "a %dx%d mask on a %dx%d slice",
          m.width(),
          m.height(),
          width,
          height);
    }
    return masks.size() == 1 ? masks.get(0) : Rle.merge(masks, false);
  }

  /**
   * A mean over the slices where a figure is defined.
   *
   * @param value NaN when no slice defines it
   * @param slices how many slices it averages
   */
  public record Mean(double value, int slices) {
    static Mean of(List<Counts> counts, java.util.function.ToDoubleFunction<Counts> f) {
      double sum = 0;
      int n = 0;
      for (Counts c : counts) {
        double v = f.applyAsDouble(c);
        if (!Double.isNaN(v)) {
          sum += v;
          n++;
        }
      }
      return new Mean(n == 0 ? Double.NaN : sum / n, n);
    }
  }

  /**
   * The figures of a set of slices.
   *
   * @param scoreThreshold detections scoring at least this made the prediction
   * @param slices slices scored
   * @param bothEmpty slices without lesions and without a prediction (left out of the mean Dice)
   * @param dice mean per-slice Dice
   * @param sensitivity mean per-slice sensitivity (slices with lesions)
   * @param specificity mean per-slice specificity
   * @param pooled TP, FP, FN, TN summed over the slices
   */
  public record Result(
      double scoreThreshold,
      int slices,
      int bothEmpty,
      Mean dice,
      Mean sensitivity,
      Mean specificity,
      Counts pooled) {

    /** Dice of the pooled counts. */
    public double pooledDice() {
      return pooled.dice();
    }

    /** Sensitivity of the pooled counts. */
    public double pooledSensitivity() {
      return pooled.sensitivity();
    }

    /** Specificity of the pooled counts. */
    public double pooledSpecificity() {
      return pooled.specificity();
    }

    /**
     * A JSON-ready tree (undefined figures null): {@code score_threshold, slices, both_empty, dice,
     * dice_slices, sensitivity, sensitivity_slices, specificity, specificity_slices, pooled: {dice,
     * sensitivity, specificity, tp, fp, fn, tn}}.
     */
    public Map<String, Object> toJson() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("score_threshold", scoreThreshold);
      m.put("slices", slices);
      m.put("both_empty", bothEmpty);
      m.put("dice", orNull(dice.value()));
      m.put("dice_slices", dice.slices());
      m.put("sensitivity", orNull(sensitivity.value()));
      m.put("sensitivity_slices", sensitivity.slices());
      m.put("specificity", orNull(specificity.value()));
      m.put("specificity_slices", specificity.slices());
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("dice", orNull(pooledDice()));
      p.put("sensitivity", orNull(pooledSensitivity()));
      p.put("specificity", orNull(pooledSpecificity()));
      p.put("tp", pooled.tp());
      p.put("fp", pooled.fp());
      p.put("fn", pooled.fn());
      p.put("tn", pooled.tn());
      m.put("pooled", p);
      return m;
    }

    /** Two lines for {@code ssm eval}: the means and the pooled figures. */
    public String toText() {
      return String.format(
          java.util.Locale.ROOT,
          "segmentation, lesion area (union of the detections scoring >= %s against the union of"
              + " the lesions; %d slices, %d with neither)%n"
              + "  per slice: Dice %s (%d slices)   sensitivity %s (%d)   specificity %s (%d)%n"
              + "  pooled:    Dice %s   sensitivity %s   specificity %s%n",
          scoreThreshold,
          slices,
          bothEmpty,
          f4(dice.value()),
          dice.slices(),
          f4(sensitivity.value()),
          sensitivity.slices(),
          f4(specificity.value()),
          specificity.slices(),
          f4(pooledDice()),
          f4(pooledSensitivity()),
          f4(pooledSpecificity()));
    }

    private static String f4(double v) {
      return Double.isNaN(v) ? "n/a" : String.format(java.util.Locale.ROOT, "%.4f", v);
    }

    private static Double orNull(double v) {
      return Double.isNaN(v) ? null : v;
    }
  }

  /** The figures of slices already counted. */
  public static Result of(List<Counts> slices, double scoreThreshold) {
    checkThreshold(scoreThreshold);
    Counts pooled = new Counts(0, 0, 0, 0);
    int bothEmpty = 0;
    for (Counts c : slices) {
      pooled = pooled.plus(c);
      if (c.tp() + c.fp() + c.fn() == 0) {
        bothEmpty++;
      }
    }
    return new Result(
        scoreThreshold,
        slices.size(),
        bothEmpty,
        Mean.of(slices, Counts::dice),
        Mean.of(slices, Counts::sensitivity),
        Mean.of(slices, Counts::specificity),
        pooled);
  }

  /**
   * The figures of an evaluated set: every image of {@code gt} is a slice, its non-crowd
   * annotations the truth; the detections on it scoring at least {@code scoreThreshold} the
   * prediction.
   */
  public static Result of(CocoDataset gt, List<CocoDetection> detections, double scoreThreshold) {
    checkThreshold(scoreThreshold);
    // the paper's per-image grouping (crowd left out, masks at the image size), in gt.images()
    // order
    List<PaperAp.Image> images = PaperAp.imagesFrom(gt, detections);
    List<Counts> counts = new ArrayList<>(images.size());
    for (int k = 0; k < images.size(); k++) {
      CocoImage i = gt.images().get(k);
      List<Rle> truth = new ArrayList<>();
      images.get(k).groundTruths().forEach(g -> truth.add(g.mask()));
      List<Rle> predicted = new ArrayList<>();
      for (PaperAp.Prediction d : images.get(k).predictions()) {
        if (d.score() >= scoreThreshold) {
          predicted.add(d.mask());
        }
      }
      counts.add(count(truth, predicted, i.height(), i.width()));
    }
    return of(counts, scoreThreshold);
  }

  private static void checkThreshold(double t) {
    Check.that(t >= 0 && t <= 1, "lesion-area score threshold = %s must be in [0, 1]", t);
  }
}
