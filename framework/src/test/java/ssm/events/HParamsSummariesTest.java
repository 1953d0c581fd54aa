package ssm.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.ListValue;
import com.google.protobuf.UnknownFieldSet;
import com.google.protobuf.Value;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.Summary;

/**
 * Parses the HParams messages back with protobuf's schema-less {@link UnknownFieldSet}, not with
 * the generated classes, checking each field number against TensorBoard's
 * tensorboard/plugins/hparams/api.proto and plugin_data.proto; and pins the exact bytes.
 */
class HParamsSummariesTest {
  @Test
  void pluginDataBytesArePinned() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("lr", 0.01);
    values.put("batch", 4);
    values.put("augment", true);
    values.put("optimizer", "sgd");
    Summary experiment =
        HParamsSummaries.experiment(
            List.of(
                HParam.discrete("lr", List.of(0.01, 0.001)),
                HParam.of("optimizer", "sgd"),
                HParam.discrete("augment", List.of(true, false))),
            List.of("eval/ap", "loss/total", "lr"),
            "grid A",
            1.5e9);
    assertEquals(
        "1299010a0667726964204119000000c00b5ad641221e0a026c7220032a160a09117b14ae47e17a843f0a09"
            + "11fca9f1d24d62503f220d0a096f7074696d697a6572200122150a076175676d656e7420022a080a02"
            + "20010a0220002a160a0912076576616c2f61701a076576616c2f617028022a1c0a0c120a6c6f73732f"
            + "746f74616c1a0a6c6f73732f746f74616c28012a0a0a0412026c721a026c72",
        contentHex(experiment));
    assertEquals(
        "1a550a0f0a026c721209117b14ae47e17a843f0a120a05626174636812091100000000000010400a0d0a07"
            + "6175676d656e74120220010a120a096f7074696d697a657212051a0373676422026731290000000000"
            + "001c40",
        contentHex(HParamsSummaries.sessionStart(values, "g1", 7.0)));
    Summary end = HParamsSummaries.sessionEnd(SessionStatus.SUCCESS, 9.0);
    assertEquals("220b0801110000000000002240", contentHex(end));
    // The whole summary: tag, metadata (plugin name, content), NULL_TENSOR.
    assertEquals(
        "0a400a1a5f68706172616d735f2f73657373696f6e5f656e645f696e666f42060801120212004a1a0a180a"
            + "0768706172616d73120d220b0801110000000000002240",
        HexFormat.of().formatHex(end.toByteArray()));
  }

  @Test
  void experimentListsHParamAndMetricColumns() throws Exception {
    Summary s =
        HParamsSummaries.experiment(
            List.of(HParam.discrete("lr", List.of(0.01, 0.001)), HParam.of("optimizer", "sgd")),
            List.of("eval/ap", "loss/total"),
            "grid A",
            1.5e9);
    UnknownFieldSet experiment = pluginData(s, HParamsSummaries.EXPERIMENT_TAG, 2);
    assertEquals("grid A", string(experiment, 1)); // description
    assertEquals(1.5e9, Double.longBitsToDouble(experiment.getField(3).getFixed64List().get(0)));

    List<ByteString> hparams = experiment.getField(4).getLengthDelimitedList();
    assertEquals(2, hparams.size());
    UnknownFieldSet lr = UnknownFieldSet.parseFrom(hparams.get(0));
    assertEquals("lr", string(lr, 1));
    assertEquals(List.of(3L), lr.getField(4).getVarintList()); // DATA_TYPE_FLOAT64
    ListValue domain = ListValue.parseFrom(lr.getField(5).getLengthDelimitedList().get(0));
    List<Double> numbers = domain.getValuesList().stream().map(Value::getNumberValue).toList();
    assertEquals(List.of(0.01, 0.001), numbers);
    UnknownFieldSet optimizer = UnknownFieldSet.parseFrom(hparams.get(1));
    assertEquals("optimizer", string(optimizer, 1));
    assertEquals(List.of(1L), optimizer.getField(4).getVarintList()); // DATA_TYPE_STRING
    assertFalse(optimizer.hasField(5), "no domain");

    List<ByteString> metrics = experiment.getField(5).getLengthDelimitedList();
    assertEquals(2, metrics.size());
    UnknownFieldSet ap = UnknownFieldSet.parseFrom(metrics.get(0));
    UnknownFieldSet apName = UnknownFieldSet.parseFrom(only(ap, 1));
    assertFalse(apName.hasField(1), "group empty: the metric is in the session's own run");
    assertEquals("eval/ap", string(apName, 2));
    assertEquals(List.of(2L), ap.getField(5).getVarintList()); // DATASET_VALIDATION
    UnknownFieldSet loss = UnknownFieldSet.parseFrom(metrics.get(1));
    assertEquals(List.of(1L), loss.getField(5).getVarintList()); // DATASET_TRAINING
  }

  @Test
  void sessionStartMapsEachNameToAProtobufValue() throws Exception {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("lr", 0.01);
    values.put("batch", 4);
    values.put("augment", true);
    values.put("optimizer", "sgd");
    Summary summary = HParamsSummaries.sessionStart(values, "g1", 7.0);
    UnknownFieldSet start = pluginData(summary, HParamsSummaries.SESSION_START_TAG, 3);
    List<ByteString> entries = start.getField(1).getLengthDelimitedList(); // map entries
    assertEquals(4, entries.size());
    Map<String, Value> decoded = new LinkedHashMap<>();
    for (ByteString e : entries) {
      UnknownFieldSet entry = UnknownFieldSet.parseFrom(e);
      decoded.put(string(entry, 1), Value.parseFrom(only(entry, 2)));
    }
    assertEquals(0.01, decoded.get("lr").getNumberValue());
    assertEquals(4.0, decoded.get("batch").getNumberValue());
    assertTrue(decoded.get("augment").getBoolValue());
    assertEquals("sgd", decoded.get("optimizer").getStringValue());
    assertEquals("g1", string(start, 4)); // group_name
    assertEquals(7.0, Double.longBitsToDouble(start.getField(5).getFixed64List().get(0)));
  }

  @Test
  void sessionEndCarriesTheStatus() throws Exception {
    Summary summary = HParamsSummaries.sessionEnd(SessionStatus.FAILURE, 9.0);
    UnknownFieldSet end = pluginData(summary, HParamsSummaries.SESSION_END_TAG, 4);
    assertEquals(List.of(2L), end.getField(1).getVarintList()); // STATUS_FAILURE
    assertEquals(9.0, Double.longBitsToDouble(end.getField(2).getFixed64List().get(0)));
  }

  /**
   * Checks the summary's shape (one value, plugin "hparams", NULL_TENSOR) and returns the message
   * in the HParamsPluginData oneof field {@code field}, the only field set (version 0 is omitted).
   */
  private static UnknownFieldSet pluginData(Summary s, String tag, int field) throws Exception {
    assertEquals(1, s.getValueCount());
    Summary.Value v = s.getValue(0);
    assertEquals(tag, v.getTag());
    assertEquals("hparams", v.getMetadata().getPluginData().getPluginName());
    assertEquals(DataType.DT_FLOAT, v.getTensor().getDtype());
    assertEquals(0, v.getTensor().getTensorShape().getDim(0).getSize());
    UnknownFieldSet data = UnknownFieldSet.parseFrom(v.getMetadata().getPluginData().getContent());
    assertEquals(1, data.asMap().size(), data.toString());
    return UnknownFieldSet.parseFrom(only(data, field));
  }

  private static String contentHex(Summary s) {
    return HexFormat.of()
        .formatHex(s.getValue(0).getMetadata().getPluginData().getContent().toByteArray());
  }

  private static ByteString only(UnknownFieldSet message, int field) {
    List<ByteString> values = message.getField(field).getLengthDelimitedList();
    assertEquals(1, values.size(), "field " + field);
    return values.get(0);
  }

  private static String string(UnknownFieldSet message, int field) {
    return only(message, field).toString(StandardCharsets.UTF_8);
  }
}
