package ssm.events;

import com.google.protobuf.ListValue;
import com.google.protobuf.Value;
import java.util.List;
import java.util.Map;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.Summary;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;
import ssm.events.hparams.DatasetType;
import ssm.events.hparams.Experiment;
import ssm.events.hparams.HParamInfo;
import ssm.events.hparams.HParamsPluginData;
import ssm.events.hparams.MetricInfo;
import ssm.events.hparams.MetricName;
import ssm.events.hparams.SessionEndInfo;
import ssm.events.hparams.SessionStartInfo;

/**
 * The three summaries of TensorBoard's HParams plugin, built with the classes generated from
 * src/main/proto/tensorboard/plugins/hparams:
 *
 * <ul>
 *   <li>{@value #EXPERIMENT_TAG}: the experiment, i.e. the hyperparameter and metric columns;
 *   <li>{@value #SESSION_START_TAG}: one run's hyperparameter values;
 *   <li>{@value #SESSION_END_TAG}: how the run ended.
 * </ul>
 *
 * Each is a {@code Summary.Value} whose metadata names plugin {@value #PLUGIN_NAME} with a
 * serialized {@link HParamsPluginData} (version 0) as content, and whose tensor is the plugin's
 * NULL_TENSOR (an empty float vector). The metric values themselves are ordinary scalars of the
 * session's run, looked up by tag.
 */
public final class HParamsSummaries {
  public static final String PLUGIN_NAME = "hparams";
  public static final String EXPERIMENT_TAG = "_hparams_/experiment";
  public static final String SESSION_START_TAG = "_hparams_/session_start_info";
  public static final String SESSION_END_TAG = "_hparams_/session_end_info";

  private HParamsSummaries() {}

  /**
   * The experiment: one column per hyperparameter and one per metric tag (a scalar tag of each
   * session's own run). Tags under {@code eval/} are marked validation metrics, tags under {@code
   * loss/} or {@code train/} training metrics.
   */
  public static Summary experiment(
      List<HParam> hparams, List<String> metricTags, String description, double timeCreatedSecs) {
    Experiment.Builder experiment =
        Experiment.newBuilder().setDescription(description).setTimeCreatedSecs(timeCreatedSecs);
    hparams.forEach(h -> experiment.addHparamInfos(hparamInfo(h)));
    metricTags.forEach(tag -> experiment.addMetricInfos(metricInfo(tag)));
    return summary(EXPERIMENT_TAG, HParamsPluginData.newBuilder().setExperiment(experiment));
  }

  /**
   * A session's start: its hyperparameter values (numbers, booleans, anything else as its string)
   * and its group; sessions with the same non-empty group are repeats of one configuration (empty:
   * the session is a group of its own).
   */
  public static Summary sessionStart(
      Map<String, ?> values, String groupName, double startTimeSecs) {
    SessionStartInfo.Builder start =
        SessionStartInfo.newBuilder().setGroupName(groupName).setStartTimeSecs(startTimeSecs);
    values.forEach((name, value) -> start.putHparams(name, toValue(value)));
    return summary(SESSION_START_TAG, HParamsPluginData.newBuilder().setSessionStartInfo(start));
  }

  /** A session's end, with its status. */
  public static Summary sessionEnd(SessionStatus status, double endTimeSecs) {
    SessionEndInfo.Builder end =
        SessionEndInfo.newBuilder().setStatus(status.proto).setEndTimeSecs(endTimeSecs);
    return summary(SESSION_END_TAG, HParamsPluginData.newBuilder().setSessionEndInfo(end));
  }

  /** A hyperparameter value as a {@code google.protobuf.Value}. */
  static Value toValue(Object value) {
    if (value instanceof Boolean b) {
      return Value.newBuilder().setBoolValue(b).build();
    }
    if (value instanceof Number n) {
      return Value.newBuilder().setNumberValue(n.doubleValue()).build();
    }
    return Value.newBuilder().setStringValue(String.valueOf(value)).build();
  }

  private static HParamInfo hparamInfo(HParam h) {
    HParamInfo.Builder info = HParamInfo.newBuilder().setName(h.name()).setType(h.type().proto);
    if (!h.domain().isEmpty()) {
      ListValue.Builder domain = ListValue.newBuilder();
      h.domain().forEach(v -> domain.addValues(toValue(v)));
      info.setDomainDiscrete(domain);
    }
    return info.build();
  }

  private static MetricInfo metricInfo(String tag) {
    DatasetType dataset =
        tag.startsWith("eval/")
            ? DatasetType.DATASET_VALIDATION
            : tag.startsWith("loss/") || tag.startsWith("train/")
                ? DatasetType.DATASET_TRAINING
                : DatasetType.DATASET_UNKNOWN;
    return MetricInfo.newBuilder()
        .setName(MetricName.newBuilder().setTag(tag)) // empty group: the session's own run
        .setDisplayName(tag)
        .setDatasetType(dataset)
        .build();
  }

  private static Summary summary(String tag, HParamsPluginData.Builder data) {
    TensorProto nullTensor =
        TensorProto.newBuilder()
            .setDtype(DataType.DT_FLOAT)
            .setTensorShape(
                TensorShapeProto.newBuilder().addDim(TensorShapeProto.Dim.newBuilder().setSize(0)))
            .build();
    Summary.Value value =
        Summary.Value.newBuilder()
            .setTag(tag)
            .setMetadata(Summaries.pluginMetadata(PLUGIN_NAME, data.build().toByteString()))
            .setTensor(nullTensor)
            .build();
    return Summary.newBuilder().addValue(value).build();
  }
}
