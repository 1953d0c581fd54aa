package ssm.model;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.types.TFloat32;
import ssm.graph.GraphContext;
import ssm.graph.Parameter;

/** The PyTorch names and shapes of a model's parameters and buffers, from a throwaway graph. */
public final class ParameterShapes {
  private ParameterShapes() {}

  /** Name to PyTorch shape, in registry order. */
  public static Map<String, long[]> of(SsmModel model) {
    try (Graph graph = new Graph()) {
      GraphContext g = new GraphContext(graph, 0);
      var tf = g.ops();
      model.buildInference(g, tf.placeholder(TFloat32.class), tf.constant(new long[] {0, 0}));
      Map<String, long[]> out = new LinkedHashMap<>();
      for (Parameter p : g.parameters().all()) {
        out.put(p.name(), p.torchShape().clone());
      }
      return out;
    }
  }
}
