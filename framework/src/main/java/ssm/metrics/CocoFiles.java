package ssm.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes standard COCO ground-truth files and result files.
 *
 * <p>Segmentations are read as polygons, compressed RLE ({@code counts} a string) or uncompressed
 * RLE ({@code counts} a list) and written as polygons or compressed RLE. A ground-truth annotation
 * without {@code area} gets the area of its mask (or of its box when it has no mask), and one
 * without {@code bbox} the box of its mask; pycocotools would stop with a KeyError there. Errors
 * name the file and the entry at fault.
 */
public final class CocoFiles {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CocoFiles() {}

  /** Reads a ground-truth file. */
  public static CocoDataset readGroundTruth(Path file) {
    return parseGroundTruth(readTree(file), file.toString());
  }

  /** Reads a result file (a JSON array of detections). */
  public static List<CocoDetection> readResults(Path file) {
    return parseResults(readTree(file), file.toString());
  }

  /** Parses ground truth from a JSON tree; {@code source} names it in errors. */
  public static CocoDataset parseGroundTruth(JsonNode root, String source) {
    require(root.isObject(), source, "a COCO ground-truth file is a JSON object");
    List<CocoImage> images = new ArrayList<>();
    java.util.Map<Long, CocoImage> byId = new java.util.HashMap<>();
    for (JsonNode n : root.path("images")) {
      CocoImage image =
          new CocoImage(
              longField(n, "id", source, "images"),
              (int) longField(n, "width", source, "images"),
              (int) longField(n, "height", source, "images"),
              n.hasNonNull("file_name") ? n.get("file_name").asText() : null);
      images.add(image);
      byId.put(image.id(), image);
    }
    List<CocoCategory> categories = new ArrayList<>();
    for (JsonNode n : root.path("categories")) {
      categories.add(
          new CocoCategory(
              (int) longField(n, "id", source, "categories"),
              n.path("name").asText(""),
              n.hasNonNull("supercategory") ? n.get("supercategory").asText() : null));
    }
    List<CocoAnnotation> annotations = new ArrayList<>();
    for (JsonNode n : root.path("annotations")) {
      long id = longField(n, "id", source, "annotations");
      String where = "annotation " + id;
      long imageId = longField(n, "image_id", source, where);
      CocoImage image = byId.get(imageId);
      require(
          image != null,
          source,
          where + " refers to image_id " + imageId + ", which is not in images");
      CocoSegmentation seg =
          n.hasNonNull("segmentation")
              ? parseSegmentation(n.get("segmentation"), source, where)
              : null;
      double[] bbox = n.hasNonNull("bbox") ? box(n.get("bbox"), source, where) : null;
      Rle mask = seg == null ? null : seg.toRle(image.height(), image.width());
      require(seg != null || bbox != null, source, where + " has neither segmentation nor bbox");
      if (bbox == null) {
        bbox = mask.toBbox();
      }
      double area =
          n.hasNonNull("area")
              ? n.get("area").asDouble()
              : mask != null ? mask.area() : bbox[2] * bbox[3];
      boolean crowd = n.path("iscrowd").asInt(0) != 0;
      annotations.add(
          new CocoAnnotation(
              id,
              imageId,
              (int) longField(n, "category_id", source, where),
              seg,
              bbox,
              area,
              crowd));
    }
    return new CocoDataset(images, annotations, categories);
  }

  /** Parses results from a JSON array; {@code source} names it in errors. */
  public static List<CocoDetection> parseResults(JsonNode root, String source) {
    require(root.isArray(), source, "a COCO result file is a JSON array of detections");
    List<CocoDetection> results = new ArrayList<>();
    int index = 0;
    for (JsonNode n : root) {
      String where = "result " + index++;
      CocoSegmentation seg =
          n.hasNonNull("segmentation")
              ? parseSegmentation(n.get("segmentation"), source, where)
              : null;
      double[] bbox =
          n.hasNonNull("bbox") && n.get("bbox").size() > 0
              ? box(n.get("bbox"), source, where)
              : null;
      require(seg != null || bbox != null, source, where + " has neither segmentation nor bbox");
      require(n.hasNonNull("score"), source, where + " has no score");
      results.add(
          new CocoDetection(
              longField(n, "image_id", source, where),
              (int) longField(n, "category_id", source, where),
              n.get("score").asDouble(),
              seg,
              bbox));
    }
    return results;
  }

  /** Writes a ground-truth file. */
  public static void writeGroundTruth(Path file, CocoDataset dataset) {
    write(file, toJson(dataset));
  }

  /** Writes a result file. */
  public static void writeResults(Path file, List<CocoDetection> detections) {
    write(file, toJson(detections));
  }

  /** The ground truth as a JSON tree. */
  public static ObjectNode toJson(CocoDataset dataset) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode images = root.putArray("images");
    for (CocoImage i : dataset.images()) {
      ObjectNode n =
          images.addObject().put("id", i.id()).put("width", i.width()).put("height", i.height());
      if (i.fileName() != null) {
        n.put("file_name", i.fileName());
      }
    }
    ArrayNode annotations = root.putArray("annotations");
    for (CocoAnnotation a : dataset.annotations()) {
      ObjectNode n =
          annotations
              .addObject()
              .put("id", a.id())
              .put("image_id", a.imageId())
              .put("category_id", a.categoryId());
      if (a.segmentation() != null) {
        n.set("segmentation", segmentationJson(a.segmentation()));
      }
      putBox(n, a.bbox());
      n.put("area", a.area()).put("iscrowd", a.iscrowd() ? 1 : 0);
    }
    ArrayNode categories = root.putArray("categories");
    for (CocoCategory c : dataset.categories()) {
      ObjectNode n = categories.addObject().put("id", c.id()).put("name", c.name());
      if (c.supercategory() != null) {
        n.put("supercategory", c.supercategory());
      }
    }
    return root;
  }

  /** The results as a JSON tree. */
  public static ArrayNode toJson(List<CocoDetection> detections) {
    ArrayNode root = JSON.createArrayNode();
    for (CocoDetection d : detections) {
      ObjectNode n =
          root.addObject().put("image_id", d.imageId()).put("category_id", d.categoryId());
      if (d.segmentation() != null) {
        n.set("segmentation", segmentationJson(d.segmentation()));
      }
      if (d.bbox() != null) {
        putBox(n, d.bbox());
      }
      n.put("score", d.score());
    }
    return root;
  }

  private static JsonNode segmentationJson(CocoSegmentation s) {
    if (s instanceof CocoSegmentation.RleMask r) {
      ObjectNode n = JSON.createObjectNode();
      n.putArray("size").add(r.rle().height()).add(r.rle().width());
      n.put("counts", r.rle().toCompressedString());
      return n;
    }
    ArrayNode polygons = JSON.createArrayNode();
    for (double[] p : ((CocoSegmentation.Polygons) s).polygons()) {
      ArrayNode a = polygons.addArray();
      for (double v : p) {
        a.add(v);
      }
    }
    return polygons;
  }

  private static void putBox(ObjectNode n, double[] box) {
    ArrayNode a = n.putArray("bbox");
    for (double v : box) {
      a.add(v);
    }
  }

  private static CocoSegmentation parseSegmentation(JsonNode n, String source, String where) {
    if (n.isArray()) {
      List<double[]> polygons = new ArrayList<>();
      for (JsonNode p : n) {
        require(
            p.isArray() && p.size() >= 4 && p.size() % 2 == 0,
            source,
            where + ": a polygon is an array of an even number (>= 4) of coordinates");
        double[] xy = new double[p.size()];
        for (int i = 0; i < xy.length; i++) {
          xy[i] = p.get(i).asDouble();
        }
        polygons.add(xy);
      }
      require(!polygons.isEmpty(), source, where + ": empty polygon list");
      return new CocoSegmentation.Polygons(polygons);
    }
    require(
        n.isObject() && n.has("size") && n.has("counts"),
        source,
        where + ": segmentation is neither polygons nor {size, counts}");
    int h = n.get("size").get(0).asInt();
    int w = n.get("size").get(1).asInt();
    JsonNode counts = n.get("counts");
    try {
      if (counts.isTextual()) {
        return new CocoSegmentation.RleMask(Rle.fromCompressedString(counts.asText(), h, w));
      }
      int[] c = new int[counts.size()];
      for (int i = 0; i < c.length; i++) {
        c[i] = counts.get(i).asInt();
      }
      return new CocoSegmentation.RleMask(Rle.fromCounts(h, w, c));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(source + ": " + where + ": " + e.getMessage(), e);
    }
  }

  private static double[] box(JsonNode n, String source, String where) {
    require(n.isArray() && n.size() == 4, source, where + ": bbox is not [x, y, w, h]");
    return new double[] {
      n.get(0).asDouble(), n.get(1).asDouble(), n.get(2).asDouble(), n.get(3).asDouble()
    };
  }

  private static long longField(JsonNode n, String field, String source, String where) {
    require(
        n.hasNonNull(field) && n.get(field).isNumber(), source, where + " has no numeric " + field);
    return n.get(field).asLong();
  }

  private static void require(boolean condition, String source, String message) {
    if (!condition) {
      throw new IllegalArgumentException(source + ": " + message);
    }
  }

  private static JsonNode readTree(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  private static void write(Path file, JsonNode tree) {
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
}
