package ssm.device;

import java.util.List;
import java.util.Map;

/**
 * Whether every op of a set of graphs has a kernel on a device type, op by op and dtype by dtype.
 * An op without a GPU kernel would run on the CPU inside a GPU run, with a copy each way per step,
 * and nothing would say so: {@code ssm doctor --graph} and {@code GpuKernelCoverageTest} fail on
 * one unless it stands in {@link #CPU_ON_PURPOSE}.
 */
public final class KernelCoverage {
  /**
   * Ops kept on the CPU on purpose, with the reason (docs/how-to/gpu.md). Empty: every op of the
   * training and inference graphs has a GPU kernel (NMS is built as NonMaxSuppressionV3 for that
   * reason, see {@code ssm.box.Nms}).
   */
  public static final Map<String, String> CPU_ON_PURPOSE = Map.of();

  /** What one op and dtype combination gets on the device. */
  public enum Status {
    /** A kernel of the device type (or a DEFAULT one) matches. */
    KERNEL,
    /** None does, and the op is on {@link #CPU_ON_PURPOSE}. */
    CPU_ON_PURPOSE,
    /** None does: the op would silently run on the CPU. */
    MISSING
  }

  /** One row of the coverage list. */
  public record Row(GraphOps.Signature signature, Status status) {}

  private KernelCoverage() {}

  /** The coverage of {@code signatures} on {@code deviceType}, in their order. */
  public static List<Row> of(
      KernelRegistry kernels, List<GraphOps.Signature> signatures, String deviceType) {
    return signatures.stream().map(s -> new Row(s, status(kernels, s, deviceType))).toList();
  }

  private static Status status(KernelRegistry kernels, GraphOps.Signature s, String deviceType) {
    if (kernels.kernelFor(s.example(), deviceType).isPresent()) {
      return Status.KERNEL;
    }
    return CPU_ON_PURPOSE.containsKey(s.op()) ? Status.CPU_ON_PURPOSE : Status.MISSING;
  }

  /** The rows with {@link Status#MISSING}. */
  public static List<Row> missing(List<Row> rows) {
    return rows.stream().filter(r -> r.status() == Status.MISSING).toList();
  }
}
