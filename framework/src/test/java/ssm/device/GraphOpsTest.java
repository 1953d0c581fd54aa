package ssm.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.FunctionDefLibrary;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

class GraphOpsTest {
  private static NodeDef node(String name, String op, DataType t) {
    return NodeDef.newBuilder()
        .setName(name)
        .setOp(op)
        .putAttr("T", AttrValue.newBuilder().setType(t).build())
        .putAttr(
            "padding",
            AttrValue.newBuilder()
                .setS(com.google.protobuf.ByteString.copyFromUtf8("SAME"))
                .build())
        .build();
  }

  @Test
  void groupsNodesByOpAndTypesAndWalksFunctionBodies() {
    // 2 Relu(float) + 1 Relu(int32) in the graph, 1 Relu(float) in a function body.
    GraphDef g =
        GraphDef.newBuilder()
            .addNode(node("a", "Relu", DataType.DT_FLOAT))
            .addNode(node("b", "Relu", DataType.DT_FLOAT))
            .addNode(node("c", "Relu", DataType.DT_INT32))
            .setLibrary(
                FunctionDefLibrary.newBuilder()
                    .addFunction(
                        FunctionDef.newBuilder()
                            .addNodeDef(node("f/d", "Relu", DataType.DT_FLOAT))))
            .build();
    List<GraphOps.Signature> s = GraphOps.of(g);
    assertEquals(
        List.of("Relu(T=float)", "Relu(T=int32)"), s.stream().map(Object::toString).toList());
    assertEquals(3, s.get(0).nodes());
    assertEquals("a", s.get(0).example().getName());
  }

  @Test
  void mergeAddsNodeCountsAcrossGraphs() {
    GraphDef one = GraphDef.newBuilder().addNode(node("a", "Relu", DataType.DT_FLOAT)).build();
    GraphDef two =
        GraphDef.newBuilder()
            .addNode(node("b", "Relu", DataType.DT_FLOAT))
            .addNode(node("c", "Exp", DataType.DT_FLOAT))
            .build();
    List<GraphOps.Signature> merged = GraphOps.merge(List.of(GraphOps.of(one), GraphOps.of(two)));
    assertEquals(
        List.of("Exp(T=float) x1", "Relu(T=float) x2"),
        merged.stream().map(s -> s + " x" + s.nodes()).toList());
  }
}
