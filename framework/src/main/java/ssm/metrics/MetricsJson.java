package ssm.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The stable JSON shape of {@code metrics.json} (schema {@value #SCHEMA});
 * docs/reference/metrics.md shows an example. Keys never change meaning within a schema version; an
 * undefined number (NaN) is written as {@code null}, COCO's "undefined" stays {@code -1} as
 * pycocotools prints it. A part that was not evaluated is {@code null}, so every file has the same
 * keys.
 */
public final class MetricsJson {
  /** Schema id written into every report. */
  public static final String SCHEMA = "ssm-metrics/1";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private MetricsJson() {}

  /**
   * The whole report; any part may be null.
   *
   * @param variant the model variant, e.g. {@code shared-r18-3}
   * @param dataset what was evaluated, e.g. {@code synthetic/test} (tables print it in captions)
   */
  public static ObjectNode report(
      String variant,
      String dataset,
      PaperAp.Result paper,
      CocoEvaluator.Result cocoSegm,
      CocoEvaluator.Result cocoBbox,
      ClassificationMetrics classification) {
    ObjectNode root = JSON.createObjectNode();
    root.put("schema", SCHEMA);
    root.put("variant", variant);
    root.put("dataset", dataset);
    ObjectNode seg = root.putObject("segmentation");
    seg.set("paper", paper == null ? null : paperAp(paper));
    seg.set("coco_segm", cocoSegm == null ? null : coco(cocoSegm));
    seg.set("coco_bbox", cocoBbox == null ? null : coco(cocoBbox));
    root.set("classification", classification == null ? null : classification(classification));
    return root;
  }

  /**
   * {@code {"ap50", "ap75", "ap", "ap_per_iou": {"0.50": ..}, "images": {"scored", "empty",
   * "skipped", "total"}}}.
   */
  public static ObjectNode paperAp(PaperAp.Result r) {
    ObjectNode n = JSON.createObjectNode();
    number(n, "ap50", r.ap50());
    number(n, "ap75", r.ap75());
    number(n, "ap", r.ap());
    ObjectNode per = n.putObject("ap_per_iou");
    for (int t = 0; t < r.apPerThreshold().length; t++) {
      number(
          per,
          String.format(Locale.ROOT, "%.2f", PaperAp.IOU_THRESHOLDS[t]),
          r.apPerThreshold()[t]);
    }
    ObjectNode images = n.putObject("images");
    images.put("scored", r.imagesScored());
    images.put("empty", r.imagesEmpty());
    images.put("skipped", r.imagesSkipped());
    images.put("total", r.imagesTotal());
    return n;
  }

  /** {@code {"iou_type", "AP", "AP50", ..., "ARl", "images", "categories"}}. */
  public static ObjectNode coco(CocoEvaluator.Result r) {
    ObjectNode n = JSON.createObjectNode();
    n.put("iou_type", r.iouType().label());
    double[] s = r.stats().asArray();
    for (int i = 0; i < s.length; i++) {
      number(n, CocoStats.NAMES.get(i), s[i]);
    }
    n.put("images", r.imageIds().length);
    n.put("categories", r.categoryIds().length);
    return n;
  }

  /**
   * {@code {"classes", "confusion", "sensitivity": {class: ..}, "precision", "f1", "accuracy",
   * "f1_weighted", "f1_weights", "f1_macro", "auc", "samples"}}.
   */
  public static ObjectNode classification(ClassificationMetrics m) {
    ObjectNode n = JSON.createObjectNode();
    ArrayNode classes = n.putArray("classes");
    m.classNames().forEach(classes::add);
    ArrayNode confusion = n.putArray("confusion");
    for (long[] row : m.confusion()) {
      ArrayNode r = confusion.addArray();
      for (long v : row) {
        r.add(v);
      }
    }
    perClass(n.putObject("sensitivity"), m.classNames(), m.sensitivity());
    perClass(n.putObject("precision"), m.classNames(), m.precision());
    perClass(n.putObject("f1"), m.classNames(), m.f1());
    number(n, "accuracy", m.accuracy());
    number(n, "f1_weighted", m.weightedF1());
    perClass(n.putObject("f1_weights"), m.classNames(), m.f1Weights());
    number(n, "f1_macro", m.macroF1());
    perClass(n.putObject("auc"), m.classNames(), m.auc());
    n.put("samples", m.samples());
    ArrayNode present = n.putArray("classes_present");
    m.presentClasses().forEach(present::add);
    if (m.covidVsRest() != null) {
      ClassificationMetrics.Binary b = m.covidVsRest();
      ObjectNode v = n.putObject("covid_vs_rest");
      v.put("positive", b.positive());
      v.put("tp", b.tp());
      v.put("fn", b.fn());
      v.put("fp", b.fp());
      v.put("tn", b.tn());
      number(v, "sensitivity", b.sensitivity());
      number(v, "specificity", b.specificity());
      number(v, "accuracy", b.accuracy());
      number(v, "auc", b.auc());
    }
    return n;
  }

  /** Writes a JSON tree, indented, creating parent folders. */
  public static void write(Path file, ObjectNode tree) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      JSON.writeValue(file.toFile(), tree);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  /** The tree as indented text. */
  public static String toText(ObjectNode tree) {
    try {
      return JSON.writeValueAsString(tree);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void perClass(ObjectNode n, List<String> names, double[] values) {
    for (int c = 0; c < names.size(); c++) {
      number(n, names.get(c), values[c]);
    }
  }

  private static void number(ObjectNode n, String key, double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      n.putNull(key);
    } else {
      n.put(key, v);
    }
  }
}
