package ssm.device;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tensorflow.TensorFlow;
import org.tensorflow.internal.c_api.TF_Buffer;
import org.tensorflow.internal.c_api.TF_Status;
import org.tensorflow.internal.c_api.global.tensorflow;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.KernelDef;
import org.tensorflow.proto.KernelList;
import org.tensorflow.proto.NodeDef;

/**
 * The kernels the loaded TensorFlow native library registers (C API {@code
 * TF_GetAllRegisteredKernels}), and whether one of them would run a given node on a device type.
 * The GPU build registers its GPU kernels when it loads, with or without CUDA on the machine, so
 * GPU coverage can be checked on a CPU-only machine.
 */
public final class KernelRegistry {
  /** TensorFlow's device type names in {@code KernelDef.device_type}. */
  public static final String GPU = "GPU";

  public static final String CPU = "CPU";

  /**
   * Kernels registered for every device ({@code DEVICE_DEFAULT}: NoOp, Placeholder, int32 shape
   * arithmetic in host memory); TensorFlow falls back to them when no device-specific kernel
   * matches (op_kernel.cc, FindKernelRegistration).
   */
  public static final String DEFAULT = "DEFAULT";

  private final Map<String, List<KernelDef>> byOp = new HashMap<>();

  KernelRegistry(KernelList kernels) {
    for (KernelDef k : kernels.getKernelList()) {
      byOp.computeIfAbsent(k.getOp(), op -> new ArrayList<>()).add(k);
    }
  }

  /** The kernels of the native library loaded in this JVM (loads it if needed). */
  public static KernelRegistry loaded() {
    TensorFlow.version(); // loads the native library
    TF_Status status = TF_Status.newStatus();
    TF_Buffer buffer = tensorflow.TF_GetAllRegisteredKernels(status);
    status.throwExceptionIfNotOK();
    try {
      return new KernelRegistry(KernelList.parseFrom(buffer.copyData()));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(
          "TF_GetAllRegisteredKernels returned an unreadable " + "KernelList: " + e.getMessage(),
          e);
    } finally {
      buffer.delete();
    }
  }

  /**
   * How many kernels are registered for {@code deviceType}. The CPU natives register some GPU
   * kernels too (423 in TensorFlow 2.16.2, control flow and the like; the GPU natives 4,966), so
   * only the GPU natives can tell GPU coverage.
   */
  public long count(String deviceType) {
    return byOp.values().stream()
        .flatMap(List::stream)
        .filter(k -> k.getDeviceType().equals(deviceType))
        .count();
  }

  /** The kernels of {@code op} for {@code deviceType}, in registration order. */
  public List<KernelDef> kernels(String op, String deviceType) {
    return byOp.getOrDefault(op, List.of()).stream()
        .filter(k -> k.getDeviceType().equals(deviceType))
        .toList();
  }

  /**
   * The kernel TensorFlow's placer would find for {@code node} on {@code deviceType}: one whose
   * every type constraint admits the node's attribute value and whose label, if any, the node asks
   * for ({@code _kernel} attribute); failing that, such a {@link #DEFAULT} kernel. Empty when none
   * does.
   */
  public Optional<KernelDef> kernelFor(NodeDef node, String deviceType) {
    Optional<KernelDef> own = matching(node, deviceType);
    return own.isPresent() ? own : matching(node, DEFAULT);
  }

  private Optional<KernelDef> matching(NodeDef node, String deviceType) {
    String label =
        node.getAttrOrDefault("_kernel", AttrValue.getDefaultInstance()).getS().toStringUtf8();
    return kernels(node.getOp(), deviceType).stream()
        .filter(k -> k.getLabel().equals(label))
        .filter(k -> k.getConstraintList().stream().allMatch(c -> admits(c, node)))
        .findFirst();
  }

  /** A constraint admits a node when its attribute (a type or a list of types) is allowed. */
  private static boolean admits(KernelDef.AttrConstraint c, NodeDef node) {
    AttrValue value = node.getAttrOrDefault(c.getName(), null);
    if (value == null) {
      return false; // the graph's NodeDefs carry every attribute, defaults included
    }
    List<org.tensorflow.proto.DataType> allowed = c.getAllowedValues().getList().getTypeList();
    return switch (value.getValueCase()) {
      case TYPE -> allowed.contains(value.getType());
      case LIST -> allowed.containsAll(value.getList().getTypeList());
      default -> false;
    };
  }
}
