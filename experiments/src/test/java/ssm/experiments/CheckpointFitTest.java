package ssm.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ssm.model.ParameterShapes;
import ssm.settings.SettingsLoader;
import ssm.settings.Variant;
import ssm.testing.SlowTest;
import ssm.wiring.ModelWiring;

/** The variant a checkpoint fits, from its tensor names and shapes. */
@SlowTest
class CheckpointFitTest {
  private static Map<String, long[]> shapesOf(Variant v) {
    return ParameterShapes.of(
        ModelWiring.model(v, new SettingsLoader().load(v.name(), null, List.of(), List.of())));
  }

  @ParameterizedTest
  @ValueSource(strings = {"shared-r34-2", "scratch-r18-3", "scratch-r34-3", "shared-r18-2"})
  void eachArchitectureIsRecognisedAndFitsExactly(String name) {
    Variant v = Variant.parse(name);
    Map<String, long[]> shapes = shapesOf(v);

    Variant detected = CheckpointFit.detect(shapes.keySet());

    assertEquals(v, detected);
    assertTrue(CheckpointFit.compare(detected, shapes, shapes).exact());
  }

  @ParameterizedTest
  @ValueSource(strings = {"scratch-r18-3"})
  void missingExtraAndMisShapedTensorsAreListed(String name) {
    Variant v = Variant.parse(name);
    Map<String, long[]> expected = shapesOf(v);
    Map<String, long[]> file = new LinkedHashMap<>(expected);
    file.remove("s2new.fc_scores_img.bias");
    file.put("rpn.head.cls_logits.weight", new long[] {3, 256, 1, 1});
    file.put("roi_heads.extra.weight", new long[] {2});
    file.put("backbone.body.bn1.num_batches_tracked", new long[0]); // counters are not compared

    CheckpointFit fit = CheckpointFit.compare(v, expected, file);

    assertEquals(List.of("s2new.fc_scores_img.bias [3]"), fit.lacking());
    assertEquals(2, fit.unexpected().size(), fit.unexpected().toString());
    assertTrue(fit.unexpected().get(0).startsWith("roi_heads.extra.weight [2]"));
    assertTrue(
        fit.unexpected()
            .get(1)
            .startsWith(
                "rpn.head.cls_logits.weight is [3, 256, 1, 1], the variant needs [30, 256, 1, 1]"),
        fit.unexpected().get(1));
  }
}
