package ssm.slices;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import ssm.data.SliceCollection;

/** Reads and writes {@value #FILE_NAME}, the per-slice results beside a run's metrics.json. */
public final class SliceResultsFile {
  /** The file's name in a run folder. */
  public static final String FILE_NAME = "slices.json";

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

  private SliceResultsFile() {}

  /** Writes the results, creating parent folders. */
  public static void write(Path file, SliceResults results) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      JSON.writeValue(file.toFile(), results);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a per-slice file, refusing another format or version and any record that does not parse,
   * with the file named in the message.
   */
  public static SliceResults read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          file
              + ": no per-slice results (written by ssm eval and ssm grid beside metrics.json; for"
              + " a run evaluated before they were, run ssm eval --weights RUN/weights.safetensors"
              + " --overwrite)");
    }
    JsonNode tree;
    try {
      tree = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": not JSON: " + e.getMessage(), e);
    }
    JsonNode format = tree == null ? null : tree.get("format");
    boolean first = format != null && SliceResults.FORMAT_1.equals(format.asText());
    if (format == null || !(first || SliceResults.FORMAT.equals(format.asText()))) {
      throw new IllegalArgumentException(
          file
              + ": format "
              + (format == null ? "missing" : "'" + format.asText() + "'")
              + ", expected '"
              + SliceResults.FORMAT
              + "' or '"
              + SliceResults.FORMAT_1
              + "'");
    }
    try {
      if (first) {
        upgradeFromFirstVersion((ObjectNode) tree);
      }
      return JSON.treeToValue(tree, SliceResults.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * A version-1 tree as version 2: each slice's collection from its file name, the rule version 1
   * left its readers to apply.
   */
  private static void upgradeFromFirstVersion(ObjectNode tree) {
    for (String part : new String[] {"segmentation", "classification"}) {
      JsonNode slices = tree.get(part);
      if (slices == null || !slices.isArray()) {
        continue;
      }
      for (JsonNode s : slices) {
        JsonNode name = s.get("slice");
        if (s instanceof ObjectNode o && name != null && !o.has("collection")) {
          o.put("collection", SliceCollection.fromFileName(name.asText()));
        }
      }
    }
    tree.put("format", SliceResults.FORMAT);
  }
}
