package ssm.events;

import com.google.protobuf.ByteString;
import com.google.protobuf.ListValue;
import com.google.protobuf.Value;
import java.util.List;
import java.util.Map;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.Summary;
import org.tensorflow.proto.TensorProto;
import org.tensorflow.proto.TensorShapeProto;

/**
 * The three summaries of TensorBoard's HParams plugin, hand-encoded with the field numbers of
 * tensorboard/plugins/hparams/{api,plugin_data}.proto (whose classes are not on the classpath):
 *
 * <ul>
 *   <li>{@value #EXPERIMENT_TAG}: the experiment, i.e. the hyperparameter and metric columns;
 *   <li>{@value #SESSION_START_TAG}: one run's hyperparameter values;
 *   <li>{@value #SESSION_END_TAG}: how the run ended.
 * </ul>
 *
 * Each is a {@code Summary.Value} whose metadata names plugin {@value #PLUGIN_NAME} with a
 * serialized {@code HParamsPluginData} (version 0) as content, and whose tensor is the plugin's
 * NULL_TENSOR (an empty float vector). The metric values themselves are ordinary scalars of the
 * session's run, looked up by tag.
 */
public final class HParamsSummaries {
  public static final String PLUGIN_NAME = "hparams";
  public static final String EXPERIMENT_TAG = "_hparams_/experiment";
  public static final String SESSION_START_TAG = "_hparams_/session_start_info";
  public static final String SESSION_END_TAG = "_hparams_/session_end_info";

  // HParamsPluginData
  static final int PLUGIN_DATA_EXPERIMENT = 2;
  static final int PLUGIN_DATA_SESSION_START = 3;
  static final int PLUGIN_DATA_SESSION_END = 4;
  // Experiment
  static final int EXPERIMENT_DESCRIPTION = 1;
  static final int EXPERIMENT_TIME_CREATED = 3;
  static final int EXPERIMENT_HPARAM_INFOS = 4;
  static final int EXPERIMENT_METRIC_INFOS = 5;
  // HParamInfo
  static final int HPARAM_NAME = 1;
  static final int HPARAM_TYPE = 4;
  static final int HPARAM_DOMAIN_DISCRETE = 5;
  // MetricInfo and MetricName
  static final int METRIC_NAME = 1;
  static final int METRIC_DISPLAY_NAME = 3;
  static final int METRIC_DATASET_TYPE = 5;
  static final int METRIC_NAME_GROUP = 1;
  static final int METRIC_NAME_TAG = 2;
  // SessionStartInfo (hparams is map<string, Value>: entries with key 1, value 2)
  static final int START_HPARAMS = 1;
  static final int START_GROUP_NAME = 4;
  static final int START_TIME = 5;
  // SessionEndInfo
  static final int END_STATUS = 1;
  static final int END_TIME = 2;

  static final int DATASET_TRAINING = 1;
  static final int DATASET_VALIDATION = 2;

  private HParamsSummaries() {}

  /**
   * The experiment: one column per hyperparameter and one per metric tag (a scalar tag of each
   * session's own run). Tags under {@code eval/} are marked validation metrics, tags under {@code
   * loss/} or {@code train/} training metrics.
   */
  public static Summary experiment(
      List<HParam> hparams, List<String> metricTags, String description, double timeCreatedSecs) {
    ProtoBytes experiment =
        new ProtoBytes()
            .string(EXPERIMENT_DESCRIPTION, description)
            .float64(EXPERIMENT_TIME_CREATED, timeCreatedSecs);
    for (HParam h : hparams) {
      experiment.message(EXPERIMENT_HPARAM_INFOS, hparamInfo(h));
    }
    for (String tag : metricTags) {
      experiment.message(EXPERIMENT_METRIC_INFOS, metricInfo(tag));
    }
    return summary(EXPERIMENT_TAG, PLUGIN_DATA_EXPERIMENT, experiment.build());
  }

  /**
   * A session's start: its hyperparameter values (numbers, booleans, anything else as its string)
   * and its group; sessions with the same non-empty group are repeats of one configuration (empty:
   * the session is a group of its own).
   */
  public static Summary sessionStart(
      Map<String, ?> values, String groupName, double startTimeSecs) {
    ProtoBytes start = new ProtoBytes();
    values.forEach(
        (name, value) ->
            start.message(
                START_HPARAMS,
                new ProtoBytes().string(1, name).message(2, toValue(value)).build()));
    start.string(START_GROUP_NAME, groupName).float64(START_TIME, startTimeSecs);
    return summary(SESSION_START_TAG, PLUGIN_DATA_SESSION_START, start.build());
  }

  /** A session's end, with its status. */
  public static Summary sessionEnd(SessionStatus status, double endTimeSecs) {
    ByteString end =
        new ProtoBytes()
            .enumNumber(END_STATUS, status.number)
            .float64(END_TIME, endTimeSecs)
            .build();
    return summary(SESSION_END_TAG, PLUGIN_DATA_SESSION_END, end);
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

  private static ByteString hparamInfo(HParam h) {
    ProtoBytes info =
        new ProtoBytes().string(HPARAM_NAME, h.name()).enumNumber(HPARAM_TYPE, h.type().number);
    if (!h.domain().isEmpty()) {
      ListValue.Builder domain = ListValue.newBuilder();
      h.domain().forEach(v -> domain.addValues(toValue(v)));
      info.message(HPARAM_DOMAIN_DISCRETE, domain.build());
    }
    return info.build();
  }

  private static ByteString metricInfo(String tag) {
    ByteString name =
        new ProtoBytes().string(METRIC_NAME_GROUP, "").string(METRIC_NAME_TAG, tag).build();
    int dataset =
        tag.startsWith("eval/")
            ? DATASET_VALIDATION
            : tag.startsWith("loss/") || tag.startsWith("train/") ? DATASET_TRAINING : 0;
    return new ProtoBytes()
        .message(METRIC_NAME, name)
        .string(METRIC_DISPLAY_NAME, tag)
        .enumNumber(METRIC_DATASET_TYPE, dataset)
        .build();
  }

  private static Summary summary(String tag, int dataField, ByteString data) {
    ByteString pluginData = new ProtoBytes().message(dataField, data).build(); // version 0: omitted
    TensorProto nullTensor =
        TensorProto.newBuilder()
            .setDtype(DataType.DT_FLOAT)
            .setTensorShape(
                TensorShapeProto.newBuilder().addDim(TensorShapeProto.Dim.newBuilder().setSize(0)))
            .build();
    Summary.Value value =
        Summary.Value.newBuilder()
            .setTag(tag)
            .setMetadata(Summaries.pluginMetadata(PLUGIN_NAME, pluginData))
            .setTensor(nullTensor)
            .build();
    return Summary.newBuilder().addValue(value).build();
  }
}
