package ssm.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

class DeterminismTest {
  @Test
  void readsTheVariableAsTensorFlowDoes() {
    assertTrue(Determinism.isTrue("1") && Determinism.isTrue("true") && Determinism.isTrue("TRUE"));
    assertTrue(!Determinism.isTrue("0") && !Determinism.isTrue(null) && !Determinism.isTrue(""));
  }

  private static NodeDef node(String name, String op) {
    return NodeDef.newBuilder().setName(name).setOp(op).build();
  }

  @Test
  void findsTheRaisingOpsOfAGraphAndRefusesIt() {
    GraphDef g =
        GraphDef.newBuilder()
            .addNode(node("roi/grad/a", "CropAndResizeGradImage"))
            .addNode(node("roi/grad/b", "CropAndResizeGradImage"))
            .addNode(node("s", "ScatterNd"))
            .addNode(node("m", "MatMul"))
            .build();
    List<GpuDeterminism.Finding> f = GpuDeterminism.findings(List.of(g));
    assertEquals(
        List.of("CropAndResizeGradImage x2", "ScatterNd x1"),
        f.stream().map(x -> x.rule().op() + " x" + x.nodes()).toList());
    List<GpuDeterminism.Finding> raising = GpuDeterminism.raising(f);
    assertEquals(1, raising.size());
    DeviceSetupException e =
        assertThrows(DeviceSetupException.class, () -> Determinism.checkGpuGraph(raising));
    assertTrue(
        e.getMessage().contains("CropAndResizeGradImage x2, e.g. roi/grad/a"), e.getMessage());
    Determinism.checkGpuGraph(List.of()); // nothing raises: no error
  }

  @Test
  void batchNormGradientRaisesOnlyWhenNotTraining() {
    NodeDef training =
        node("bn/t", "FusedBatchNormGradV3").toBuilder()
            .putAttr("is_training", AttrValue.newBuilder().setB(true).build())
            .build();
    NodeDef frozen =
        node("bn/f", "FusedBatchNormGradV3").toBuilder()
            .putAttr("is_training", AttrValue.newBuilder().setB(false).build())
            .build();
    assertEquals(
        List.of(),
        GpuDeterminism.findings(List.of(GraphDef.newBuilder().addNode(training).build())));
    assertEquals(
        "bn/f",
        GpuDeterminism.findings(
                List.of(GraphDef.newBuilder().addNode(training).addNode(frozen).build()))
            .get(0)
            .exampleNode());
  }
}
