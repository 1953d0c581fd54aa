package ssm.report;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a report of the first schema ({@value #SCHEMA}) into a {@link MetricsReport}. That format
 * named its data only by a caption string ({@code datasets.<part>}, else {@code dataset}); a
 * caption the generator wrote begins with "synthetic", which is how such data is recognised here
 * and only here. Keys a file lacks become null (or 0 for counts), so partial files still read.
 */
final class MetricsReportV1 {
  static final String SCHEMA = "ssm-metrics/1";

  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final TypeReference<LesionAreaFigures> LESION_AREA = new TypeReference<>() {};
  private static final TypeReference<Map<String, CollectionReport>> BY_COLLECTION =
      new TypeReference<>() {};

  private MetricsReportV1() {}

  static MetricsReport convert(JsonNode root, String source) {
    String variant = text(root.get("variant"));
    if (variant == null) {
      variant = variantFromFolder(source);
    }
    JsonNode seg = root.path("segmentation");
    JsonNode cls = root.path("classification");
    JsonNode params = root.path("parameters").path("total");
    JsonNode eval = root.path("evaluation");
    return new MetricsReport(
        MetricsReport.SCHEMA,
        variant,
        text(root.get("paper_label")),
        text(root.get("weights")),
        params.isNumber() ? new MetricsReport.Parameters(params.asLong()) : null,
        eval.isObject() ? evaluation(eval) : null,
        new MetricsReport.Datasets(
            seg.isObject() ? data(root, "segmentation") : null,
            cls.isObject() ? data(root, "classification") : null),
        seg.isObject() ? segmentation(seg, source) : null,
        cls.isObject() ? classification(cls) : null,
        root.path("by_collection").isObject()
            ? typed(root.get("by_collection"), BY_COLLECTION, source)
            : null,
        null);
  }

  /** The folder of {@code .../<variant>/metrics.json}, which v1 readers fell back to. */
  private static String variantFromFolder(String source) {
    java.nio.file.Path p = java.nio.file.Path.of(source).getParent();
    if (p == null || p.getFileName() == null) {
      throw new IllegalArgumentException(source + ": a metrics report without a variant");
    }
    return p.getFileName().toString();
  }

  private static DataReference data(JsonNode root, String part) {
    JsonNode d = root.path("datasets").path(part);
    String caption = d.isTextual() ? d.asText() : text(root.get("dataset"));
    if (caption == null) {
      return null;
    }
    DataReference.Kind kind =
        caption.toLowerCase(Locale.ROOT).startsWith("synthetic")
            ? DataReference.Kind.SYNTHETIC
            : DataReference.Kind.REAL;
    return new DataReference(kind, caption, null, null, null, null, null);
  }

  private static EvaluationInfo evaluation(JsonNode e) {
    List<String> skipped = new ArrayList<>();
    e.path("skipped").forEach(s -> skipped.add(s.asText()));
    return new EvaluationInfo(
        e.path("segmentation_slices").asInt(),
        e.path("classification_slices").asInt(),
        e.path("segmentation_seconds").asDouble(),
        e.path("classification_seconds").asDouble(),
        e.path("predict_seconds").asDouble(),
        e.path("detections").asInt(),
        skipped,
        number(e.get("seconds")));
  }

  private static SegmentationReport segmentation(JsonNode s, String source) {
    JsonNode p = s.path("paper");
    JsonNode area = s.path("lesion_area");
    return new SegmentationReport(
        p.isObject() ? paper(p) : null,
        coco(s.path("coco_segm")),
        coco(s.path("coco_bbox")),
        area.isObject() ? typed(area, LESION_AREA, source) : null);
  }

  /**
   * A block that late ssm-metrics/1 writers already wrote in today's shape (lesion_area,
   * by_collection), read by its record.
   */
  private static <T> T typed(JsonNode n, TypeReference<T> type, String source) {
    try {
      return JSON.readerFor(type).readValue(n);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
    }
  }

  private static PaperApFigures paper(JsonNode p) {
    JsonNode i = p.path("images");
    return new PaperApFigures(
        number(p.get("ap50")),
        number(p.get("ap75")),
        number(p.get("ap")),
        p.has("ap_per_iou") ? numbers(p.get("ap_per_iou")) : null,
        new ImageCounts(
            i.path("scored").asInt(),
            i.path("empty").asInt(),
            i.path("skipped").asInt(),
            i.path("total").asInt()),
        interval(p.get("ap50_ci95")));
  }

  private static CocoFigures coco(JsonNode c) {
    if (!c.isObject()) {
      return null;
    }
    return new CocoFigures(
        text(c.get("iou_type")),
        number(c.get("AP")),
        number(c.get("AP50")),
        number(c.get("AP75")),
        number(c.get("APs")),
        number(c.get("APm")),
        number(c.get("APl")),
        number(c.get("AR1")),
        number(c.get("AR10")),
        number(c.get("AR100")),
        number(c.get("ARs")),
        number(c.get("ARm")),
        number(c.get("ARl")),
        c.path("images").asInt(),
        c.path("categories").asInt(),
        interval(c.get("ap50_ci95")));
  }

  private static ClassificationReport classification(JsonNode c) {
    List<List<Long>> confusion = null;
    if (c.path("confusion").isArray()) {
      confusion = new ArrayList<>();
      for (JsonNode row : c.get("confusion")) {
        List<Long> r = new ArrayList<>();
        row.forEach(v -> r.add(v.asLong()));
        confusion.add(r);
      }
    }
    JsonNode b = c.path("covid_vs_rest");
    return new ClassificationReport(
        texts(c.get("classes")),
        confusion,
        numbers(c.get("sensitivity")),
        numbers(c.get("precision")),
        numbers(c.get("f1")),
        number(c.get("accuracy")),
        interval(c.get("accuracy_ci95")),
        number(c.get("f1_weighted")),
        numbers(c.get("f1_weights")),
        number(c.get("f1_macro")),
        numbers(c.get("auc")),
        c.path("samples").asLong(),
        texts(c.get("classes_present")),
        b.isObject()
            ? new BinaryFigures(
                text(b.get("positive")),
                b.path("tp").asLong(),
                b.path("fn").asLong(),
                b.path("fp").asLong(),
                b.path("tn").asLong(),
                number(b.get("sensitivity")),
                number(b.get("specificity")),
                number(b.get("accuracy")),
                number(b.get("auc")))
            : null);
  }

  private static String text(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }

  private static Double number(JsonNode n) {
    return n != null && n.isNumber() ? n.asDouble() : null;
  }

  private static Ci95 interval(JsonNode n) {
    return n != null && n.isArray() && n.size() == 2
        ? new Ci95(n.get(0).asDouble(), n.get(1).asDouble())
        : null;
  }

  private static Map<String, Double> numbers(JsonNode n) {
    if (n == null || !n.isObject()) {
      return null;
    }
    Map<String, Double> m = new LinkedHashMap<>();
    n.fields().forEachRemaining(e -> m.put(e.getKey(), number(e.getValue())));
    return m;
  }

  private static List<String> texts(JsonNode n) {
    if (n == null || !n.isArray()) {
      return null;
    }
    List<String> l = new ArrayList<>();
    n.forEach(v -> l.add(v.asText()));
    return l;
  }
}
