package ssm.graph;

import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GraphOptions;
import org.tensorflow.proto.RewriterConfig;
import ssm.device.Determinism;
import ssm.device.Devices;
import ssm.device.GpuDeterminism;

/**
 * Creates the project's sessions, all with one configuration: the one place where the device
 * ({@link Devices}, {@code --device}) and TensorFlow's session options are set.
 */
public final class Sessions {
  private Sessions() {}

  /**
   * A session over {@code graph} on this process's device. On a GPU with op determinism on, a graph
   * TensorFlow would fail at its first step under it is refused here, before any work.
   */
  public static Session create(Graph graph) {
    if (Devices.onGpu() && Determinism.requested()) {
      Determinism.checkGpuGraph(
          GpuDeterminism.raising(GpuDeterminism.findings(java.util.List.of(graph.toGraphDef()))));
    }
    return new Session(graph, config());
  }

  /**
   * The session configuration. Grappler's memory optimiser is off: it swaps or recomputes tensors
   * to fit accelerator memory, which a 24 GB CPU machine does not need, and its cost model logs a
   * multi-line warning for every CropAndResize of unknown size at each new shape (absl logging,
   * which TF_CPP_MIN_LOG_LEVEL does not silence in TF 2.16).
   */
  public static ConfigProto config() {
    // The device's part: GPUs hidden for --device cpu; memory growth, visible GPU otherwise.
    // No soft placement: nothing is pinned, every op has a kernel on the device
    // (docs/how-to/gpu.md).
    ConfigProto.Builder b = Devices.sessionConfig().toBuilder();
    // Thread pools: TensorFlow's default (one thread per core for each) unless the system
    // properties ssm.intra-op-threads / ssm.inter-op-threads say otherwise (benchmarks).
    int intra = Integer.getInteger("ssm.intra-op-threads", 0);
    int inter = Integer.getInteger("ssm.inter-op-threads", 0);
    if (intra > 0) {
      b.setIntraOpParallelismThreads(intra);
    }
    if (inter > 0) {
      b.setInterOpParallelismThreads(inter);
    }
    return b.setGraphOptions(
            GraphOptions.newBuilder()
                .setRewriteOptions(
                    RewriterConfig.newBuilder()
                        .setMemoryOptimization(RewriterConfig.MemOptType.NO_MEM_OPT)))
        .build();
  }
}
