package ssm.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes and reads {@link MetricsReport}s as JSON. A report of the earlier schema ({@value
 * MetricsReportV1#SCHEMA}) is converted on reading; any other schema is refused, naming the file.
 */
public final class MetricsReports {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          // keys a later version adds must not make a report unreadable
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private MetricsReports() {}

  /** Writes {@code report} indented, creating parent folders. */
  public static void write(Path file, MetricsReport report) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      JSON.writeValue(file.toFile(), report);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": " + e.getMessage(), e);
    }
  }

  /** Any part of a report (or the report) as indented JSON text. */
  public static String toText(Object reportOrPart) {
    try {
      return JSON.writeValueAsString(reportOrPart);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Reads a report.
   *
   * @throws IOException when the file cannot be read or is not JSON
   * @throws IllegalArgumentException when it is not a metrics report of a known schema
   */
  public static MetricsReport read(Path file) throws IOException {
    return fromTree(JSON.readTree(file.toFile()), file.toString());
  }

  /**
   * The report in a parsed JSON tree.
   *
   * @param source the file it came from, for messages
   */
  public static MetricsReport fromTree(JsonNode tree, String source) {
    if (tree == null || !tree.isObject()) {
      throw new IllegalArgumentException(source + ": not a metrics report (no JSON object)");
    }
    String schema = tree.path("schema").asText("");
    if (schema.equals(MetricsReport.SCHEMA)) {
      try {
        return JSON.treeToValue(tree, MetricsReport.class);
      } catch (JsonProcessingException | IllegalArgumentException e) {
        throw new IllegalArgumentException(
            source + ": not a valid " + MetricsReport.SCHEMA + " report: " + e.getMessage(), e);
      }
    }
    if (schema.equals(MetricsReportV1.SCHEMA)) {
      return MetricsReportV1.convert(tree, source);
    }
    throw new IllegalArgumentException(
        source
            + ": unknown metrics schema '"
            + schema
            + "' (this version reads "
            + MetricsReport.SCHEMA
            + " and "
            + MetricsReportV1.SCHEMA
            + "); evaluate the weights again to rewrite it: ./ssm eval --weights WEIGHTS"
            + " --overwrite");
  }
}
