package ssm.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The content of {@code metrics.json} (schema {@value #SCHEMA}, docs/reference/evaluation.md): what
 * was evaluated, on which data, and every figure. A part that was not evaluated is null, so every
 * file has the same keys; an undefined figure is null. {@link MetricsReports} writes and reads it.
 *
 * @param schema {@value #SCHEMA}
 * @param variant the model variant, e.g. {@code scratch-r18-3}
 * @param paperLabel the paper's name of the variant, e.g. {@code SSM-S R18**}
 * @param weights the weights file evaluated
 * @param parameters the model's parameter count, or null
 * @param datasets the data of each part
 * @param byCollection the figures per collection (name -> figures) where a set holds more than one,
 *     else null
 * @param trainingSeed the {@code training.seed} the evaluated weights were trained with (a grid's
 *     or sweep's seed runs differ in it), or null when not known (an evaluation of weights from
 *     elsewhere, a file written before the seed was recorded)
 */
public record MetricsReport(
    @JsonProperty("schema") String schema,
    @JsonProperty("variant") String variant,
    @JsonProperty("paper_label") String paperLabel,
    @JsonProperty("weights") String weights,
    @JsonProperty("parameters") Parameters parameters,
    @JsonProperty("evaluation") EvaluationInfo evaluation,
    @JsonProperty("datasets") Datasets datasets,
    @JsonProperty("segmentation") SegmentationReport segmentation,
    @JsonProperty("classification") ClassificationReport classification,
    @JsonProperty("by_collection") Map<String, CollectionReport> byCollection,
    @JsonProperty("training_seed") Long trainingSeed) {

  /** The schema id of this format. */
  public static final String SCHEMA = "ssm-metrics/2";

  /** The parameters of the evaluated model (BN buffers not counted). */
  public record Parameters(long total) {}

  /** The data each part was measured on; null for a part not evaluated. */
  public record Datasets(DataReference segmentation, DataReference classification) {
    public static final Datasets NONE = new Datasets(null, null);
  }

  public MetricsReport {
    if (variant == null || variant.isBlank()) {
      throw new IllegalArgumentException("a metrics report needs its variant");
    }
    datasets = datasets == null ? Datasets.NONE : datasets;
    byCollection = Figures.copy(byCollection);
  }

  /** The parameter count, or null when the report has none. */
  public Long parameterTotal() {
    return parameters == null ? null : parameters.total();
  }
}
