package ssm.graph;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;

/**
 * What every graph builder receives: the graph, its ops and the parameter registry. Builders keep
 * no graph state of their own, so a test can build any stage into a throwaway graph.
 */
public final class GraphContext {
  private final Graph graph;
  private final Ops ops;
  private final ParameterRegistry parameters;
  private final List<Op> batchNormUpdates = new ArrayList<>();
  private final List<Op> classifierStatisticsUpdates = new ArrayList<>();

  /** A context over {@code graph} whose initialisers derive from {@code seed}. */
  public GraphContext(Graph graph, long seed) {
    this.graph = graph;
    this.ops = Ops.create(graph);
    this.parameters = new ParameterRegistry(ops, seed);
  }

  public Graph graph() {
    return graph;
  }

  /** Ops at the root scope. */
  public Ops ops() {
    return ops;
  }

  public ParameterRegistry parameters() {
    return parameters;
  }

  /** Running-statistics updates of training-mode BatchNorm layers built so far. */
  public List<Op> batchNormUpdates() {
    return batchNormUpdates;
  }

  /**
   * Running-statistics updates of S's input standardisation ({@code
   * ssm.classify.RunningStandardization}) built so far: a classification training step runs them.
   */
  public List<Op> classifierStatisticsUpdates() {
    return classifierStatisticsUpdates;
  }
}
