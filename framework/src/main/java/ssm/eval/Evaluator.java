package ssm.eval;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PrimitiveIterator;
import java.util.stream.IntStream;
import ssm.data.BadItems;
import ssm.data.ClassificationExample;
import ssm.data.LazyDataset;
import ssm.data.LesionMask;
import ssm.data.Prefetcher;
import ssm.data.Resizer;
import ssm.data.SegmentationExample;
import ssm.data.SegmentationFolder;
import ssm.data.Slice;
import ssm.data.SliceCollection;
import ssm.metrics.ClassificationMetrics;
import ssm.metrics.CocoAnnotation;
import ssm.metrics.CocoCategory;
import ssm.metrics.CocoDataset;
import ssm.metrics.CocoDetection;
import ssm.metrics.CocoEvaluator;
import ssm.metrics.CocoImage;
import ssm.metrics.CocoSegmentation;
import ssm.metrics.PaperAp;
import ssm.metrics.Rle;
import ssm.predict.Lesion;
import ssm.predict.Prediction;
import ssm.util.Check;
import ssm.util.ProgressBar;

/**
 * Evaluates a model on a segmentation set (lesion masks) and a classification set (image class):
 * one prediction per slice, slices decoded ahead on a background thread ({@link Prefetcher}), a
 * {@link ProgressBar} per part; then every metric of docs/reference/metrics.md.
 *
 * <ul>
 *   <li>Segmentation: ground truth = the lesion instances of each slice at its ORIGINAL size
 *       (docs/explanation/model.md#61-segmentation-cncb-ncov, area &gt; min-lesion-area), one COCO
 *       category {@value #LESION_CATEGORY} "lesion"; image ids 1..n in evaluation order. Detections
 *       = the predictor's lesions (score threshold and mask binarisation are the model's), each
 *       with its mask and its PREDICTED box. Paper AP (docs/explanation/model.md#71-paper-ap), COCO
 *       segm and COCO bbox are computed from these.
 *   <li>Classification: confusion matrix, sensitivities, accuracy, the paper's weighted F1, macro
 *       F1 and the one-vs-rest AUC from the predicted probabilities.
 * </ul>
 *
 * One instance evaluates any number of times; a trainer calls {@link #evaluate} on its validation
 * sets after each epoch, with {@link Options#limit} to keep it short.
 */
public final class Evaluator {
  /** The COCO category id of a lesion (the only category). */
  public static final int LESION_CATEGORY = 1;

  private static final int PREFETCH = 4;
  static final long SUBSET_SEED = 20201;

  /**
   * How to evaluate.
   *
   * @param limit at most this many slices of EACH set: a fixed pseudo-random subset (seed {@value
   *     #SUBSET_SEED}), taken in file order, the same at every call, so that per-epoch validation
   *     figures are comparable and neither a split sorted by class nor one cycling through the
   *     classes loses a class (evenly spaced indices would, for a period dividing the stride); 0 =
   *     all
   * @param progress where progress bars go, or null for none
   * @param interactive redraw the bar in place (a terminal) instead of one line per 10%
   */
  public record Options(int limit, PrintStream progress, boolean interactive) {
    public Options {
      Check.that(limit >= 0, "limit = %s must not be negative", limit);
    }

    /** All slices, progress on stderr (in place on a terminal). */
    public static Options defaults() {
      return new Options(0, System.err, System.console() != null);
    }

    /** All slices, no output (tests, quiet callers). */
    public static Options quiet() {
      return new Options(0, null, false);
    }

    public Options withLimit(int n) {
      return new Options(n, progress, interactive);
    }
  }

  private final SlicePredictor model;
  private final Options options;
  private long predictNanos;

  public Evaluator(SlicePredictor predictor, Options options) {
    this.model = predictor;
    this.options = options;
  }

  /** The model's prediction, timed. */
  private Prediction predict(Slice s) {
    long t = System.nanoTime();
    Prediction p = model.predict(s);
    predictNanos += System.nanoTime() - t;
    return p;
  }

  /**
   * Evaluates the model (not thread-safe: one evaluation at a time) on either set or both (a null
   * set is not evaluated and its metrics are null). Bad items are skipped when the dataset says so
   * ({@link LazyDataset#skipBad()}) and listed in {@link Evaluation#skipped()}; otherwise the first
   * one throws, naming the file.
   */
  public Evaluation evaluate(
      LazyDataset<SegmentationExample> segmentation,
      LazyDataset<ClassificationExample> classification) {
    long start = System.nanoTime();
    predictNanos = 0;
    List<String> skipped = new ArrayList<>();
    SegmentationPart seg = segmentation == null ? null : segmentation(segmentation, skipped);
    long segNanos = System.nanoTime() - start;
    long clsStart = System.nanoTime();
    ClassificationPart cls =
        classification == null ? null : classification(classification, skipped);
    long clsNanos = System.nanoTime() - clsStart;
    return new Evaluation(
        seg == null ? null : seg.paper,
        seg == null ? null : seg.segm,
        seg == null ? null : seg.bbox,
        cls == null ? null : cls.metrics,
        seg == null ? null : seg.groundTruth,
        seg == null ? List.of() : seg.detections,
        seg == null ? 0 : seg.groundTruth.images().size(),
        cls == null ? 0 : (int) cls.metrics.samples(),
        segNanos / 1e9,
        clsNanos / 1e9,
        predictNanos / 1e9,
        skipped,
        cls == null ? List.of() : cls.slices);
  }

  /** One segmentation slice ready to evaluate: the input slice and its gt at the original size. */
  record GroundTruthSlice(Slice slice, List<Rle> masks) {}

  private record SegmentationPart(
      PaperAp.Result paper,
      CocoEvaluator.Result segm,
      CocoEvaluator.Result bbox,
      CocoDataset groundTruth,
      List<CocoDetection> detections) {}

  private record ClassificationPart(ClassificationMetrics metrics, List<ClassifiedSlice> slices) {}

  private SegmentationPart segmentation(
      LazyDataset<SegmentationExample> data, List<String> skipped) {
    LazyDataset<GroundTruthSlice> items = new GroundTruthView(data);
    int n = count(data.size());
    List<CocoImage> images = new ArrayList<>(n);
    List<CocoAnnotation> annotations = new ArrayList<>();
    List<CocoDetection> detections = new ArrayList<>();
    List<PaperAp.Image> paperImages = new ArrayList<>(n);
    ProgressBar bar = bar("eval segmentation", n);
    int before = data.badItems().count();
    try (Prefetcher<GroundTruthSlice> it =
        new Prefetcher<>(items, indices(data.size()), PREFETCH)) {
      while (it.hasNext()) {
        GroundTruthSlice item = it.next();
        Slice s = item.slice();
        long imageId = images.size() + 1L;
        images.add(new CocoImage(imageId, s.originalWidth(), s.originalHeight(), s.id()));
        List<PaperAp.GroundTruth> gts = new ArrayList<>(item.masks().size());
        for (Rle m : item.masks()) {
          annotations.add(
              new CocoAnnotation(
                  annotations.size() + 1L,
                  imageId,
                  LESION_CATEGORY,
                  new CocoSegmentation.RleMask(m),
                  m.toBbox(),
                  m.area(),
                  false));
          gts.add(new PaperAp.GroundTruth(LESION_CATEGORY, m));
        }
        Prediction p = predict(s);
        checkSize(p, s);
        List<PaperAp.Prediction> preds = new ArrayList<>(p.lesions().size());
        for (Lesion l : p.lesions()) {
          detections.add(
              new CocoDetection(
                  imageId,
                  LESION_CATEGORY,
                  l.score(),
                  new CocoSegmentation.RleMask(l.mask()),
                  cocoBox(l.box())));
          preds.add(new PaperAp.Prediction(LESION_CATEGORY, l.score(), l.mask()));
        }
        paperImages.add(new PaperAp.Image(gts, preds));
        update(bar, images.size(), data.badItems());
      }
    }
    skipped.addAll(newBadItems(data.badItems(), before));
    CocoDataset gt =
        new CocoDataset(
            images, annotations, List.of(new CocoCategory(LESION_CATEGORY, "lesion", "lesion")));
    return new SegmentationPart(
        PaperAp.evaluate(paperImages),
        CocoEvaluator.evaluate(gt, detections, CocoEvaluator.IouType.SEGM),
        CocoEvaluator.evaluate(gt, detections, CocoEvaluator.IouType.BBOX),
        gt,
        detections);
  }

  private ClassificationPart classification(
      LazyDataset<ClassificationExample> data, List<String> skipped) {
    int n = count(data.size());
    int[] truth = new int[n];
    int[] predicted = new int[n];
    float[][] probabilities = new float[n][];
    List<ClassifiedSlice> slices = new ArrayList<>(n);
    Map<String, String> collections = new HashMap<>();
    for (int i = 0; i < data.size(); i++) {
      collections.putIfAbsent(data.id(i), SliceCollection.of(data, i));
    }
    int done = 0;
    ProgressBar bar = bar("eval classification", n);
    int before = data.badItems().count();
    try (Prefetcher<ClassificationExample> it =
        new Prefetcher<>(data, indices(data.size()), PREFETCH)) {
      while (it.hasNext()) {
        ClassificationExample e = it.next();
        Prediction p = predict(e.image());
        truth[done] = e.label();
        predicted[done] = p.predictedClass();
        probabilities[done] = p.classProbabilities().clone();
        slices.add(
            new ClassifiedSlice(
                e.id(),
                collections.get(e.id()),
                e.label(),
                p.predictedClass(),
                toDoubles(p.classProbabilities())));
        done++;
        update(bar, done, data.badItems());
      }
    }
    skipped.addAll(newBadItems(data.badItems(), before));
    return new ClassificationPart(
        ClassificationMetrics.of(
            ClassificationMetrics.PAPER_CLASSES,
            java.util.Arrays.copyOf(truth, done),
            java.util.Arrays.copyOf(predicted, done),
            java.util.Arrays.copyOf(probabilities, done),
            ClassificationMetrics.PAPER_F1_WEIGHTS),
        slices);
  }

  private static double[] toDoubles(float[] v) {
    double[] d = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      d[i] = v[i];
    }
    return d;
  }

  /** Predicted {@code x1, y1, x2, y2} as COCO {@code [x, y, w, h]}. */
  static double[] cocoBox(float[] b) {
    return new double[] {b[0], b[1], (double) b[2] - b[0], (double) b[3] - b[1]};
  }

  private static void checkSize(Prediction p, Slice s) {
    Check.that(
        p.height() == s.originalHeight() && p.width() == s.originalWidth(),
        "%s: prediction is %dx%d but the slice's original size is %dx%d",
        s.id(),
        p.width(),
        p.height(),
        s.originalWidth(),
        s.originalHeight());
  }

  private int count(int size) {
    return options.limit() == 0 ? size : Math.min(options.limit(), size);
  }

  /** All indices, or {@link Options#limit} of them drawn without replacement, sorted. */
  private PrimitiveIterator.OfInt indices(int size) {
    return IntStream.of(subset(size, count(size), SUBSET_SEED)).iterator();
  }

  /** {@code n} of {@code 0..size-1} by a partial Fisher-Yates shuffle with {@code seed}, sorted. */
  static int[] subset(int size, int n, long seed) {
    int[] all = IntStream.range(0, size).toArray();
    if (n >= size) {
      return all;
    }
    java.util.Random random = new java.util.Random(seed);
    for (int i = 0; i < n; i++) {
      int j = i + random.nextInt(size - i);
      int t = all[i];
      all[i] = all[j];
      all[j] = t;
    }
    int[] picked = java.util.Arrays.copyOf(all, n);
    java.util.Arrays.sort(picked);
    return picked;
  }

  private ProgressBar bar(String label, int total) {
    return options.progress() == null
        ? null
        : new ProgressBar(label, total, options.progress(), options.interactive());
  }

  private static void update(ProgressBar bar, int done, BadItems bad) {
    if (bar != null) {
      bar.update(done, bad.count() == 0 ? "" : bad.count() + " skipped");
    }
  }

  private static List<String> newBadItems(BadItems bad, int before) {
    List<String> all = bad.messages();
    return all.subList(Math.min(before, all.size()), all.size());
  }

  /**
   * A segmentation dataset seen as (slice, gt masks at the original size). A slice that was not
   * resized keeps the example's masks; a resized one re-reads the instances at the original size
   * from a {@link SegmentationFolder}, or, for another dataset, maps the masks back
   * nearest-neighbour.
   */
  static final class GroundTruthView implements LazyDataset<GroundTruthSlice> {
    private final LazyDataset<SegmentationExample> data;

    GroundTruthView(LazyDataset<SegmentationExample> data) {
      this.data = data;
    }

    @Override
    public int size() {
      return data.size();
    }

    @Override
    public String id(int index) {
      return data.id(index);
    }

    @Override
    public GroundTruthSlice load(int index) {
      SegmentationExample e = data.load(index);
      Slice s = e.image();
      int h = s.originalHeight();
      int w = s.originalWidth();
      List<Rle> masks = new ArrayList<>(e.count());
      if (s.height() == h && s.width() == w) {
        masks.addAll(split(e.masks(), e.count(), h, w, h, w));
      } else if (data instanceof SegmentationFolder folder) {
        LesionMask.Instances inst = folder.instances(index);
        masks.addAll(split(inst.masks(), inst.count(), h, w, h, w));
      } else {
        masks.addAll(split(e.masks(), e.count(), s.height(), s.width(), h, w));
      }
      return new GroundTruthSlice(s, masks);
    }

    private static List<Rle> split(byte[] planes, int count, int inH, int inW, int h, int w) {
      List<Rle> out = new ArrayList<>(count);
      int plane = inH * inW;
      for (int k = 0; k < count; k++) {
        if (inH == h && inW == w) {
          out.add(Rle.encodePlane(planes, k, h, w));
        } else {
          byte[] one = java.util.Arrays.copyOfRange(planes, k * plane, (k + 1) * plane);
          out.add(Rle.encode(Resizer.nearest(one, inH, inW, h, w), h, w));
        }
      }
      return out;
    }

    @Override
    public boolean skipBad() {
      return data.skipBad();
    }

    @Override
    public BadItems badItems() {
      return data.badItems();
    }
  }
}
