package ssm.model;

import org.tensorflow.Graph;
import org.tensorflow.types.TFloat32;
import ssm.graph.GraphContext;
import ssm.graph.ParameterRegistry;
import ssm.settings.UpdateRule;

/**
 * Parameter counts of a model (docs/explanation/model.md#3-parameter-counts), read from the
 * registry of a throwaway graph: the total, and those a classification step updates under the given
 * rule (the paper's is backbone + S).
 *
 * @param classificationStep parameters updated by the classification step
 */
public record ParameterCount(long total, long classificationStep) {

  /** Counts under the paper's update rule (S + full backbone). */
  public static ParameterCount of(SsmModel model) {
    return of(model, UpdateRule.S_BACKBONE);
  }

  /** Builds {@code model}'s inference graph in a throwaway graph and counts its parameters. */
  public static ParameterCount of(SsmModel model, UpdateRule rule) {
    try (Graph graph = new Graph()) {
      GraphContext g = new GraphContext(graph, 0);
      var tf = g.ops();
      model.buildInference(g, tf.placeholder(TFloat32.class), tf.constant(new long[] {0, 0}));
      ParameterRegistry p = g.parameters();
      return new ParameterCount(
          p.count(n -> true),
          p.count(StepUpdates.classificationStep(rule, model.classificationSource())));
    }
  }
}
