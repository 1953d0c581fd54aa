package ssm.model;

import org.tensorflow.Graph;
import org.tensorflow.types.TFloat32;
import ssm.classify.SHead;
import ssm.graph.GraphContext;
import ssm.graph.ParameterRegistry;

/**
 * Parameter counts of a model (MODEL-SPEC 3), read from the registry of a throwaway graph: the
 * total, and those the classification step updates under the paper's rule (backbone + S).
 */
public record ParameterCount(long total, long backboneAndS) {

  /** Builds {@code model}'s inference graph in a throwaway graph and counts its parameters. */
  public static ParameterCount of(SsmModel model) {
    try (Graph graph = new Graph()) {
      GraphContext g = new GraphContext(graph, 0);
      var tf = g.ops();
      model.buildInference(g, tf.placeholder(TFloat32.class), tf.constant(new long[] {0, 0}));
      ParameterRegistry p = g.parameters();
      return new ParameterCount(p.count(n -> true),
          p.count(n -> n.startsWith("backbone.") || n.startsWith(SHead.PREFIX)));
    }
  }
}
