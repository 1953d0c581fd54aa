package ssm.device;

import java.util.List;
import java.util.Locale;

/**
 * Op determinism ({@code TF_DETERMINISTIC_OPS}) as TensorFlow reads it: once per process, with no C
 * API to change it, so whoever starts the process decides it. On the CPU it makes the same seed
 * give the same weights. On a GPU a training graph holds CropAndResizeGradImage (the gradient of
 * RoIAlign), which has no deterministic GPU kernel and fails the first step under the flag ({@link
 * GpuDeterminism}); {@link #checkGpuGraph} says so before that step.
 */
public final class Determinism {
  /** TensorFlow's environment variable. */
  public static final String ENV = "TF_DETERMINISTIC_OPS";

  private Determinism() {}

  /** Whether {@value #ENV} is on in this process, as TensorFlow reads it (1 or true). */
  public static boolean requested() {
    return isTrue(System.getenv(ENV));
  }

  static boolean isTrue(String value) {
    String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    return v.equals("1") || v.equals("true");
  }

  /**
   * Fails before the first step what TensorFlow would fail at it: a GPU session of a graph with ops
   * that raise under op determinism.
   *
   * @throws DeviceSetupException naming each op, node count and TensorFlow source
   */
  public static void checkGpuGraph(List<GpuDeterminism.Finding> raising) {
    if (raising.isEmpty()) {
      return;
    }
    throw new DeviceSetupException(
        ENV
            + "="
            + System.getenv(ENV)
            + " on a GPU: "
            + String.join("; ", raising.stream().map(Object::toString).toList())
            + ". TensorFlow would fail the first step. Unset "
            + ENV
            + " (./ssm then turns it off "
            + "for GPU training) or run with --device cpu for bit-reproducible training");
  }
}
