package ssm.device;

import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * The GPU kernels of TensorFlow 2.16 that behave differently when op determinism is on ({@code
 * TF_DETERMINISTIC_OPS=1}, read once per process by {@code tsl::OpDeterminismRequired}): some raise
 * {@code UNIMPLEMENTED} at their first run, some silently run on the CPU. Found by reading
 * TensorFlow's kernels for {@code OpDeterminismRequired()} (sources cited per rule); {@link
 * #findings} matches them against a graph's ops. CPU kernels have deterministic paths (e.g.
 * CropAndResizeGradImage runs single-threaded) and are not listed.
 *
 * <p>Deterministic on GPU, so not listed: UnsortedSegmentSum (sorted reduction; the gradient of
 * Gather/GatherV2, TF 2.7+), BiasAddGrad, ResizeBilinearGrad, cuDNN convolutions and pooling
 * (deterministic algorithms are chosen), FusedBatchNormGradV3 with {@code is_training=true}.
 */
public final class GpuDeterminism {
  /** What a kernel does on a GPU with op determinism on. */
  public enum Behaviour {
    /** Fails the step: "Deterministic GPU implementation of ... not available". */
    RAISES,
    /** Copies its inputs to the host and runs there: deterministic, slow. */
    RUNS_ON_CPU
  }

  /**
   * One kernel's behaviour.
   *
   * @param op the op type
   * @param applies which nodes of that op (an attribute condition), usually all
   * @param condition the condition in words, empty when it is all nodes
   * @param behaviour what happens
   * @param source where TensorFlow says so
   */
  public record Rule(
      String op, Predicate<NodeDef> applies, String condition, Behaviour behaviour, String source) {
    Rule(String op, Behaviour behaviour, String source) {
      this(op, n -> true, "", behaviour, source);
    }
  }

  /** A graph op a rule applies to, with how many nodes. */
  public record Finding(Rule rule, int nodes, String exampleNode) {
    @Override
    public String toString() {
      return rule.op()
          + (rule.condition().isEmpty() ? "" : " (" + rule.condition() + ")")
          + " x"
          + nodes
          + ", e.g. "
          + exampleNode
          + ": "
          + rule.behaviour()
          + " ("
          + rule.source()
          + ")";
    }
  }

  private static final String CROP = "tensorflow/core/kernels/image/crop_and_resize_op.cc";

  /** The rules, from TensorFlow's sources. */
  public static final List<Rule> RULES =
      List.of(
          new Rule(
              "CropAndResizeGradImage",
              Behaviour.RAISES,
              CROP
                  + ", CropAndResizeGradImageOp: "
                  + "\"Deterministic GPU implementation of CropAndResizeBackpropImage not available.\""),
          new Rule(
              "CropAndResizeGradBoxes",
              Behaviour.RAISES,
              CROP
                  + ", CropAndResizeGradBoxesOp: "
                  + "\"Deterministic GPU implementation of CropAndResizeBackpropBoxes not available.\""),
          new Rule(
              "FusedBatchNormGradV3",
              n -> !bool(n, "is_training", true),
              "is_training=false",
              Behaviour.RAISES,
              "tensorflow/core/kernels/fused_batch_norm_op.cc: \"A deterministic "
                  + "GPU implementation of fused batch-norm backprop, when training is disabled, is "
                  + "not currently available.\""),
          new Rule(
              "FusedBatchNormGrad",
              n -> !bool(n, "is_training", true),
              "is_training=false",
              Behaviour.RAISES,
              "tensorflow/core/kernels/fused_batch_norm_op.cc (as V3)"),
          new Rule(
              "SoftmaxCrossEntropyWithLogits",
              Behaviour.RAISES,
              "tensorflow/core/kernels/xent_op.cc: \"The GPU implementation of "
                  + "SoftmaxCrossEntropyWithLogits that would have been executed is not "
                  + "deterministic.\""),
          new Rule(
              "Bincount",
              Behaviour.RAISES,
              "tensorflow/core/kernels/bincount_op_gpu.cu.cc: "
                  + "\"Determinism is not yet supported in GPU implementation of Bincount.\""),
          new Rule(
              "SparseTensorDenseMatMul",
              Behaviour.RAISES,
              "tensorflow/core/kernels/sparse_tensor_dense_matmul_op_gpu.cu.cc: \"A deterministic "
                  + "GPU implementation of SparseTensorDenseMatmulOp is not currently available.\""),
          new Rule(
              "ScatterNd",
              Behaviour.RUNS_ON_CPU,
              "tensorflow/core/kernels/scatter_nd_op.cc, "
                  + "DoScatterNd: DoScatterNdOnCpu when OpDeterminismRequired() on a GPU device"),
          new Rule("TensorScatterAdd", Behaviour.RUNS_ON_CPU, "scatter_nd_op.cc (as ScatterNd)"),
          new Rule("TensorScatterUpdate", Behaviour.RUNS_ON_CPU, "scatter_nd_op.cc (as ScatterNd)"),
          new Rule("TensorScatterSub", Behaviour.RUNS_ON_CPU, "scatter_nd_op.cc (as ScatterNd)"));

  private GpuDeterminism() {}

  /** The rules that apply to nodes of {@code graphs}, in rule order, nodes counted over all. */
  public static List<Finding> findings(List<GraphDef> graphs) {
    List<NodeDef> nodes = graphs.stream().flatMap(g -> GraphOps.nodes(g).stream()).toList();
    return RULES.stream()
        .flatMap(
            rule -> {
              List<NodeDef> hits =
                  nodes.stream()
                      .filter(n -> n.getOp().equals(rule.op()) && rule.applies().test(n))
                      .toList();
              return hits.isEmpty()
                  ? Stream.<Finding>empty()
                  : Stream.of(new Finding(rule, hits.size(), hits.get(0).getName()));
            })
        .toList();
  }

  /** The findings that would fail a GPU step under determinism. */
  public static List<Finding> raising(List<Finding> findings) {
    return findings.stream().filter(f -> f.rule().behaviour() == Behaviour.RAISES).toList();
  }

  private static boolean bool(NodeDef n, String attr, boolean fallback) {
    AttrValue v = n.getAttrOrDefault(attr, null);
    return v == null ? fallback : v.getB();
  }
}
