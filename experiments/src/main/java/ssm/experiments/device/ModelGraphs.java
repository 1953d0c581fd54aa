package ssm.experiments.device;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.types.TFloat32;
import ssm.graph.GraphContext;
import ssm.model.SsmModel;
import ssm.settings.Regime;
import ssm.settings.Settings;
import ssm.settings.SettingsLoader;
import ssm.settings.Variant;
import ssm.train.TrainingGraph;
import ssm.wiring.ModelWiring;

/**
 * The graphs a run builds, as GraphDefs: for each regime, the training graph (both steps, the
 * branch copy, validation's inference) and the inference graph of {@code ssm predict}. Depth and
 * blocks change how many layers there are, not which ops: one variant per regime covers the 12
 * ({@code ModelGraphsTest} checks that R34 and 2 blocks add no op).
 */
public final class ModelGraphs {
  private ModelGraphs() {}

  /** The graphs of {@code <regime>-r18-3} for every regime, keyed "scratch-r18-3 training". */
  public static Map<String, GraphDef> everyRegime() {
    Map<String, GraphDef> graphs = new LinkedHashMap<>();
    for (Regime regime : Regime.values()) {
      graphs.putAll(of(new Variant(regime, 18, 3)));
    }
    return graphs;
  }

  /** The training and inference graphs of {@code variant} with its default settings. */
  public static Map<String, GraphDef> of(Variant variant) {
    Settings settings = new SettingsLoader().load(variant.name());
    SsmModel model = ModelWiring.model(variant, settings);
    Map<String, GraphDef> graphs = new LinkedHashMap<>();
    try (Graph graph = new Graph()) {
      TrainingGraph.build(
          new GraphContext(graph, settings.training().seed()), model, settings.training());
      graphs.put(variant.name() + " training", graph.toGraphDef());
    }
    try (Graph graph = new Graph()) {
      GraphContext g = new GraphContext(graph, 0);
      Ops tf = g.ops();
      // As ssm.predict.Predictor builds it: an image placeholder and a fixed padding seed.
      model.buildInference(
          g, tf.withName("image").placeholder(TFloat32.class), tf.constant(new long[] {20201, 0}));
      graphs.put(variant.name() + " inference", graph.toGraphDef());
    }
    return graphs;
  }
}
