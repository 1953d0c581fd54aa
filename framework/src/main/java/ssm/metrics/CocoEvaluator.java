package ssm.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Dataset-level COCO detection evaluation with the semantics of pycocotools {@code COCOeval}
 * (iouType {@code segm} or {@code bbox}, default parameters): evaluate, accumulate, summarize.
 *
 * <p>Per image and category: detections by descending score (stable), at most 100; ground truth
 * ignored when crowd or, per area range, when its annotation {@code area} is outside the range;
 * greedy matching in score order at each IoU threshold 0.50:0.05:0.95 to the best-IoU available gt,
 * preferring non-ignored gts, crowd gts matchable many times; unmatched detections outside the area
 * range ignored. Over images: 101-point interpolated precision of the monotone envelope and the
 * final recall, per category, area range and maxDets (1, 10, 100), then the 12 summary means over
 * the entries that are not -1. Detections come through {@link #loadResults} (pycocotools {@code
 * COCO.loadRes}). See docs/reference/metrics.md for the quirks kept on purpose.
 */
public final class CocoEvaluator {
  /** What the IoU is computed on. */
  public enum IouType {
    SEGM,
    BBOX;

    /** {@code segm} or {@code bbox}, case-insensitive. */
    public static IouType parse(String s) {
      return switch (s.toLowerCase(Locale.ROOT)) {
        case "segm" -> SEGM;
        case "bbox" -> BBOX;
        default -> throw new IllegalArgumentException("iou type '" + s + "' is not segm or bbox");
      };
    }

    /** pycocotools' spelling. */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** IoU thresholds as {@code np.linspace(.5, .95, 10)} (index 8 is 0.8999999999999999). */
  public static final double[] IOU_THRESHOLDS = linspace(0.5, 0.95, 10);

  /** Recall thresholds as {@code np.linspace(0, 1, 101)}. */
  public static final double[] RECALL_THRESHOLDS = linspace(0.0, 1.0, 101);

  /** Detections per image counted, ascending. */
  public static final int[] MAX_DETS = {1, 10, 100};

  /** Area ranges all, small, medium, large; both bounds inclusive, as COCOeval tests them. */
  public static final double[][] AREA_RANGES = {
    {0, 1e10}, {0, 32 * 32}, {32 * 32, 96 * 96}, {96 * 96, 1e10}
  };

  /** Names of {@link #AREA_RANGES}. */
  public static final List<String> AREA_LABELS = List.of("all", "small", "medium", "large");

  private static final double EPS = Math.ulp(1.0); // np.spacing(1)

  private CocoEvaluator() {}

  /**
   * The evaluation: summary numbers plus pycocotools' accumulated arrays.
   *
   * @param precision {@code [T][R][K][A][M]}, -1 where a category has no counted gt
   * @param recall {@code [T][K][A][M]}, -1 likewise
   * @param imageIds the evaluated images (sorted ids of the ground truth)
   * @param categoryIds K category ids, sorted
   */
  public record Result(
      IouType iouType,
      CocoStats stats,
      double[][][][][] precision,
      double[][][][] recall,
      long[] imageIds,
      int[] categoryIds) {

    /** The 12 lines of {@code COCOeval.summarize()}. */
    public String summaryText() {
      double[] s = stats.asArray();
      StringBuilder b = new StringBuilder();
      String[] iou = {"0.50:0.95", "0.50", "0.75"};
      int[] iouOf = {0, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0};
      int[] area = {0, 0, 0, 1, 2, 3, 0, 0, 0, 1, 2, 3};
      int[] maxDet = {100, 100, 100, 100, 100, 100, 1, 10, 100, 100, 100, 100};
      for (int i = 0; i < 12; i++) {
        boolean ap = i < 6;
        b.append(
            String.format(
                Locale.ROOT,
                " %-18s %s @[ IoU=%-9s | area=%6s | maxDets=%3d ] = %s%n",
                ap ? "Average Precision" : "Average Recall",
                ap ? "(AP)" : "(AR)",
                iou[iouOf[i]],
                AREA_LABELS.get(area[i]),
                maxDet[i],
                format3(s[i])));
      }
      return b.toString();
    }
  }

  /** Python's {@code '{:0.3f}'}: the exact binary value rounded half-even. */
  static String format3(double v) {
    return new BigDecimal(v).setScale(3, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** A ground truth or detection ready for evaluation. */
  record Instance(
      long id,
      long imageId,
      int categoryId,
      Rle mask,
      double[] box,
      double area,
      boolean crowd,
      double score) {}

  /**
   * Detections as pycocotools {@code loadRes} makes them: ids 1..n in file order, not crowd; if the
   * FIRST result has a box, every result's area is its box's {@code w * h} and a missing mask is
   * the box's polygon; otherwise every area is the mask's pixel count and a missing box the mask's
   * tight box. Masks are only built for {@code segm}.
   */
  static List<Instance> loadResults(CocoDataset gt, List<CocoDetection> results, IouType iouType) {
    Map<Long, CocoImage> images = new HashMap<>();
    gt.images().forEach(i -> images.put(i.id(), i));
    List<Instance> out = new ArrayList<>(results.size());
    boolean boxResults = !results.isEmpty() && results.get(0).bbox() != null;
    long id = 1;
    for (CocoDetection d : results) {
      CocoImage image = images.get(d.imageId());
      if (image == null) {
        throw new IllegalArgumentException(
            "results do not correspond to the ground truth: image_id "
                + d.imageId()
                + " is not in it");
      }
      Rle mask = null;
      double[] box;
      double area;
      if (boxResults) {
        if (d.bbox() == null) {
          throw new IllegalArgumentException(
              "result "
                  + (id - 1)
                  + " has no bbox, but the first result has one (pycocotools loadRes reads all as boxes)");
        }
        box = d.bbox();
        area = box[2] * box[3];
        if (iouType == IouType.SEGM) {
          mask =
              d.segmentation() != null
                  ? d.segmentation().toRle(image.height(), image.width())
                  : Rle.fromBbox(box, image.height(), image.width());
        }
      } else {
        if (d.segmentation() == null) {
          throw new IllegalArgumentException("result " + (id - 1) + " has no segmentation");
        }
        mask = d.segmentation().toRle(image.height(), image.width());
        area = mask.area();
        box = d.bbox() != null ? d.bbox() : mask.toBbox();
      }
      out.add(new Instance(id++, d.imageId(), d.categoryId(), mask, box, area, false, d.score()));
    }
    return out;
  }

  /** One image and category at one area range: pycocotools' evalImgs entry. */
  private record EvalImage(
      double[] dtScores, long[][] dtMatches, boolean[][] dtIgnore, boolean[] gtIgnore) {}

  /** Runs COCOeval on ground truth and results. */
  public static Result evaluate(CocoDataset gt, List<CocoDetection> results, IouType iouType) {
    long[] imageIds = gt.images().stream().mapToLong(CocoImage::id).distinct().sorted().toArray();
    int[] catIds =
        new TreeSet<>(gt.categories().stream().map(CocoCategory::id).toList())
            .stream().mapToInt(Integer::intValue).toArray();
    Map<Long, Integer> imageIndex = new HashMap<>();
    for (int i = 0; i < imageIds.length; i++) {
      imageIndex.put(imageIds[i], i);
    }
    Map<Integer, Integer> catIndex = new HashMap<>();
    for (int k = 0; k < catIds.length; k++) {
      catIndex.put(catIds[k], k);
    }
    Map<Long, CocoImage> images = new HashMap<>();
    gt.images().forEach(i -> images.put(i.id(), i));

    int nI = imageIds.length;
    int nK = catIds.length;
    List<List<Instance>> gts = groups(nI * nK);
    for (CocoAnnotation a : gt.annotations()) {
      Integer k = catIndex.get(a.categoryId());
      Integer i = imageIndex.get(a.imageId());
      if (k == null || i == null) {
        continue;
      }
      Rle mask = null;
      if (iouType == IouType.SEGM) {
        if (a.segmentation() == null) {
          throw new IllegalArgumentException(
              "annotation " + a.id() + " has no segmentation for segm evaluation");
        }
        CocoImage image = images.get(a.imageId());
        mask = a.segmentation().toRle(image.height(), image.width());
      }
      if (iouType == IouType.BBOX && a.bbox() == null) {
        throw new IllegalArgumentException(
            "annotation " + a.id() + " has no bbox for bbox evaluation");
      }
      gts.get(k * nI + i)
          .add(
              new Instance(
                  a.id(), a.imageId(), a.categoryId(), mask, a.bbox(), a.area(), a.iscrowd(), 0));
    }
    List<List<Instance>> dts = groups(nI * nK);
    for (Instance d : loadResults(gt, results, iouType)) {
      Integer k = catIndex.get(d.categoryId());
      if (k != null) { // results of categories absent from the ground truth are not evaluated
        dts.get(k * nI + imageIndex.get(d.imageId())).add(d);
      }
    }

    int nA = AREA_RANGES.length;
    int maxDet = MAX_DETS[MAX_DETS.length - 1];
    EvalImage[][][] evalImgs = new EvalImage[nK][nA][nI];
    for (int k = 0; k < nK; k++) {
      for (int i = 0; i < nI; i++) {
        List<Instance> g = gts.get(k * nI + i);
        List<Instance> d = dts.get(k * nI + i);
        if (g.isEmpty() && d.isEmpty()) {
          continue;
        }
        List<Instance> dSorted = byScore(d, maxDet);
        double[][] ious = ious(dSorted, g, iouType, imageIds[i]);
        for (int a = 0; a < nA; a++) {
          evalImgs[k][a][i] = evaluateImage(g, dSorted, ious, AREA_RANGES[a]);
        }
      }
    }
    return accumulate(evalImgs, iouType, imageIds, catIds);
  }

  private static List<List<Instance>> groups(int n) {
    List<List<Instance>> groups = new ArrayList<>(n);
    for (int j = 0; j < n; j++) {
      groups.add(new ArrayList<>());
    }
    return groups;
  }

  /** {@code np.argsort(-scores, kind='mergesort')}, then the first {@code max}. */
  private static List<Instance> byScore(List<Instance> dts, int max) {
    List<Instance> sorted = new ArrayList<>(dts);
    sorted.sort((x, y) -> x.score() > y.score() ? -1 : x.score() < y.score() ? 1 : 0); // stable
    return sorted.size() > max ? new ArrayList<>(sorted.subList(0, max)) : sorted;
  }

  private static double[][] ious(
      List<Instance> dts, List<Instance> gts, IouType type, long imageId) {
    double[][] o = new double[dts.size()][gts.size()];
    for (int d = 0; d < dts.size(); d++) {
      for (int g = 0; g < gts.size(); g++) {
        Instance dt = dts.get(d);
        Instance gt = gts.get(g);
        try {
          o[d][g] =
              type == IouType.SEGM
                  ? Rle.iou(dt.mask(), gt.mask(), gt.crowd())
                  : Rle.bboxIou(dt.box(), gt.box(), gt.crowd());
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("image " + imageId + ": " + e.getMessage(), e);
        }
      }
    }
    return o;
  }

  /** COCOeval.evaluateImg for one image, category and area range; dts already sorted. */
  private static EvalImage evaluateImage(
      List<Instance> gtList, List<Instance> dt, double[][] iousByGt, double[] range) {
    int nG = gtList.size();
    int nD = dt.size();
    // gt sorted with ignored ones last (stable)
    Integer[] gtOrder = new Integer[nG];
    boolean[] ignoreUnsorted = new boolean[nG];
    for (int g = 0; g < nG; g++) {
      gtOrder[g] = g;
      Instance x = gtList.get(g);
      ignoreUnsorted[g] = x.crowd() || x.area() < range[0] || x.area() > range[1];
    }
    Arrays.sort(gtOrder, (x, y) -> Boolean.compare(ignoreUnsorted[x], ignoreUnsorted[y]));
    boolean[] gtIg = new boolean[nG];
    boolean[] crowd = new boolean[nG];
    long[] gtIds = new long[nG];
    for (int g = 0; g < nG; g++) {
      gtIg[g] = ignoreUnsorted[gtOrder[g]];
      crowd[g] = gtList.get(gtOrder[g]).crowd();
      gtIds[g] = gtList.get(gtOrder[g]).id();
    }
    int nT = IOU_THRESHOLDS.length;
    long[][] gtm = new long[nT][nG];
    long[][] dtm = new long[nT][nD];
    boolean[][] dtIg = new boolean[nT][nD];
    if (nG > 0 && nD > 0) {
      for (int t = 0; t < nT; t++) {
        for (int d = 0; d < nD; d++) {
          double iou = Math.min(IOU_THRESHOLDS[t], 1 - 1e-10);
          int m = -1;
          for (int g = 0; g < nG; g++) {
            if (gtm[t][g] > 0 && !crowd[g]) {
              continue; // already matched, and not a crowd
            }
            if (m > -1 && !gtIg[m] && gtIg[g]) {
              break; // matched a regular gt; the rest are ignored ones
            }
            double v = iousByGt[d][gtOrder[g]];
            if (v < iou) {
              continue;
            }
            iou = v;
            m = g;
          }
          if (m == -1) {
            continue;
          }
          dtIg[t][d] = gtIg[m];
          dtm[t][d] = gtIds[m]; // sic: a gt with id 0 then reads as unmatched, as in pycocotools
          gtm[t][m] = dt.get(d).id();
        }
      }
    }
    double[] scores = new double[nD];
    for (int d = 0; d < nD; d++) {
      Instance x = dt.get(d);
      scores[d] = x.score();
      boolean outside = x.area() < range[0] || x.area() > range[1];
      for (int t = 0; t < nT; t++) {
        dtIg[t][d] = dtIg[t][d] || (dtm[t][d] == 0 && outside);
      }
    }
    return new EvalImage(scores, dtm, dtIg, gtIg);
  }

  /** COCOeval.accumulate and summarize. */
  private static Result accumulate(
      EvalImage[][][] evalImgs, IouType iouType, long[] imageIds, int[] catIds) {
    int nT = IOU_THRESHOLDS.length;
    int nR = RECALL_THRESHOLDS.length;
    int nK = catIds.length;
    int nA = AREA_RANGES.length;
    int nM = MAX_DETS.length;
    double[][][][][] precision = new double[nT][nR][nK][nA][nM];
    double[][][][] recall = new double[nT][nK][nA][nM];
    for (double[][][][] p : precision) {
      for (double[][][] q : p) {
        for (double[][] r : q) {
          for (double[] s : r) {
            Arrays.fill(s, -1);
          }
        }
      }
    }
    for (double[][][] p : recall) {
      for (double[][] q : p) {
        for (double[] r : q) {
          Arrays.fill(r, -1);
        }
      }
    }
    for (int k = 0; k < nK; k++) {
      for (int a = 0; a < nA; a++) {
        for (int m = 0; m < nM; m++) {
          int maxDet = MAX_DETS[m];
          List<EvalImage> e = new ArrayList<>();
          for (EvalImage x : evalImgs[k][a]) {
            if (x != null) {
              e.add(x);
            }
          }
          if (e.isEmpty()) {
            continue;
          }
          int nd = 0;
          int npig = 0;
          for (EvalImage x : e) {
            nd += Math.min(maxDet, x.dtScores().length);
            for (boolean ig : x.gtIgnore()) {
              npig += ig ? 0 : 1;
            }
          }
          if (npig == 0) {
            continue;
          }
          double[] scores = new double[nd];
          long[][] dtm = new long[nT][nd];
          boolean[][] dtIg = new boolean[nT][nd];
          int at = 0;
          for (EvalImage x : e) {
            int n = Math.min(maxDet, x.dtScores().length);
            System.arraycopy(x.dtScores(), 0, scores, at, n);
            for (int t = 0; t < nT; t++) {
              System.arraycopy(x.dtMatches()[t], 0, dtm[t], at, n);
              System.arraycopy(x.dtIgnore()[t], 0, dtIg[t], at, n);
            }
            at += n;
          }
          Integer[] order = new Integer[nd];
          for (int j = 0; j < nd; j++) {
            order[j] = j;
          }
          // np.argsort(-dtScores, kind='mergesort'): descending, ties in concatenation order
          Arrays.sort(order, (x, y) -> scores[x] > scores[y] ? -1 : scores[x] < scores[y] ? 1 : 0);
          for (int t = 0; t < nT; t++) {
            double[] rc = new double[nd];
            double[] pr = new double[nd];
            double tp = 0;
            double fp = 0;
            for (int j = 0; j < nd; j++) {
              int o = order[j];
              if (!dtIg[t][o]) {
                if (dtm[t][o] != 0) {
                  tp++;
                } else {
                  fp++;
                }
              }
              rc[j] = tp / npig;
              pr[j] = tp / (fp + tp + EPS);
            }
            recall[t][k][a][m] = nd > 0 ? rc[nd - 1] : 0;
            for (int j = nd - 1; j > 0; j--) {
              if (pr[j] > pr[j - 1]) {
                pr[j - 1] = pr[j];
              }
            }
            int pi = 0;
            for (int ri = 0; ri < nR; ri++) {
              while (pi < nd && rc[pi] < RECALL_THRESHOLDS[ri]) { // searchsorted, side='left'
                pi++;
              }
              precision[t][ri][k][a][m] = pi < nd ? pr[pi] : 0;
            }
          }
        }
      }
    }
    double[] stats = {
      summarize(precision, recall, true, -1, 0, 2),
      summarize(precision, recall, true, 0, 0, 2),
      summarize(precision, recall, true, 5, 0, 2),
      summarize(precision, recall, true, -1, 1, 2),
      summarize(precision, recall, true, -1, 2, 2),
      summarize(precision, recall, true, -1, 3, 2),
      summarize(precision, recall, false, -1, 0, 0),
      summarize(precision, recall, false, -1, 0, 1),
      summarize(precision, recall, false, -1, 0, 2),
      summarize(precision, recall, false, -1, 1, 2),
      summarize(precision, recall, false, -1, 2, 2),
      summarize(precision, recall, false, -1, 3, 2),
    };
    return new Result(iouType, CocoStats.of(stats), precision, recall, imageIds, catIds);
  }

  /** One {@code _summarize} call: the mean of the entries above -1, or -1; t = -1 for all IoUs. */
  private static double summarize(
      double[][][][][] precision, double[][][][] recall, boolean ap, int t, int a, int m) {
    double sum = 0;
    int n = 0;
    int t0 = t < 0 ? 0 : t;
    int t1 = t < 0 ? IOU_THRESHOLDS.length : t + 1;
    for (int ti = t0; ti < t1; ti++) {
      if (ap) {
        for (double[][][] byCategory : precision[ti]) { // [R][K][A][M], numpy's C order
          for (double[][] k : byCategory) {
            double v = k[a][m];
            if (v > -1) {
              sum += v;
              n++;
            }
          }
        }
      } else {
        for (double[][] k : recall[ti]) {
          double v = k[a][m];
          if (v > -1) {
            sum += v;
            n++;
          }
        }
      }
    }
    return n == 0 ? -1 : sum / n;
  }

  /**
   * numpy linspace: {@code i * ((stop - start) / (num - 1)) + start}, the last value {@code stop}.
   */
  static double[] linspace(double start, double stop, int num) {
    double step = (stop - start) / (num - 1);
    double[] v = new double[num];
    for (int i = 0; i < num; i++) {
      v[i] = i * step + start;
    }
    v[num - 1] = stop;
    return v;
  }
}
