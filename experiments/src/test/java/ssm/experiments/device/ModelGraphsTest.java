package ssm.experiments.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.GraphDef;
import ssm.device.GpuDeterminism;
import ssm.device.GraphOps;
import ssm.settings.Regime;
import ssm.settings.Variant;
import ssm.testing.SlowTest;

/** The model's actual graphs: which ops meet TensorFlow's GPU determinism rules. */
@SlowTest
class ModelGraphsTest {
  private static Map<String, GraphDef> graphs;

  @BeforeAll
  static void build() {
    graphs = ModelGraphs.everyRegime();
  }

  private static List<String> raising(String graph) {
    return GpuDeterminism.raising(GpuDeterminism.findings(List.of(graphs.get(graph)))).stream()
        .map(f -> f.rule().op())
        .toList();
  }

  @Test
  void buildsTrainingAndInferenceOfEachRegime() {
    assertEquals(
        List.of(
            "shared-r18-3 training",
            "shared-r18-3 inference",
            "frozen-r18-3 training",
            "frozen-r18-3 inference",
            "scratch-r18-3 training",
            "scratch-r18-3 inference"),
        List.copyOf(graphs.keySet()));
  }

  @Test
  void everyTrainingGraphHoldsRoiAlignGradientsThatRaiseOnGpu() {
    // RoIAlign is CropAndResize; its gradient w.r.t. the features (and the boxes, which no
    // update needs, so a session prunes it) has no deterministic GPU kernel.
    for (Regime r : Regime.values()) {
      String name = r.configName() + "-r18-3";
      assertEquals(
          List.of("CropAndResizeGradImage", "CropAndResizeGradBoxes"),
          raising(name + " training"),
          name);
      assertEquals(List.of(), raising(name + " inference"), name);
    }
  }

  @Test
  void nothingRunsOnTheCpuForDeterminismAndBatchNormTrains() {
    // No ScatterNd-like op (they would copy to the host under determinism), no
    // FusedBatchNormGrad with is_training=false (it raises): the only findings are the two above.
    List<GpuDeterminism.Finding> all = GpuDeterminism.findings(List.copyOf(graphs.values()));
    assertEquals(
        List.of("CropAndResizeGradImage", "CropAndResizeGradBoxes"),
        all.stream().map(f -> f.rule().op()).toList());
  }

  @Test
  void depthAndBlocksAddNoOp() {
    // ModelGraphs checks one variant per regime; R34 with 2 blocks has the same op types.
    Set<String> r18 = ops(graphs.get("scratch-r18-3 training"));
    Set<String> r34 =
        ops(ModelGraphs.of(new Variant(Regime.SCRATCH, 34, 2)).get("scratch-r34-2 training"));
    assertEquals(r18, r34);
    assertTrue(r18.contains("NonMaxSuppressionV3(T=float, T_threshold=float)"), r18.toString());
  }

  private static Set<String> ops(GraphDef g) {
    return new TreeSet<>(GraphOps.of(g).stream().map(Object::toString).toList());
  }
}
