package ssm.device;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Op determinism ({@code TF_DETERMINISTIC_OPS}) for a run, decided before TensorFlow reads it:
 * TensorFlow reads the variable once per process and offers no C API to change it, so the launcher
 * {@code ./ssm} asks {@link #launcherValue} (class {@code DeterminismDefault}) and exports the
 * answer.
 *
 * <p>On the CPU it is on: the same seed gives the same weights. On a GPU our training graph holds
 * CropAndResizeGradImage (the gradient of RoIAlign), which has no deterministic GPU kernel and
 * fails the first step under the flag ({@link GpuDeterminism}); so a GPU training run gets it off,
 * with one line saying so, unless the user set the variable.
 */
public final class Determinism {
  /** TensorFlow's environment variable. */
  public static final String ENV = "TF_DETERMINISTIC_OPS";

  /** Commands that build a training graph. */
  static final Set<String> TRAINING_COMMANDS = Set.of("train", "grid", "sweep", "bench");

  /**
   * The launcher's answer.
   *
   * @param value what to export as {@value #ENV}
   * @param note one line for the user, or null
   */
  public record Decision(String value, String note) {}

  private Determinism() {}

  /**
   * What {@value #ENV} a command should run with when the user did not set it.
   *
   * @param command the subcommand, e.g. {@code train}
   * @param device the {@code --device} choice
   * @param gpuVisible whether a GPU is there to use (GPU natives and a GPU)
   */
  public static Decision launcherValue(String command, DeviceChoice device, boolean gpuVisible) {
    boolean gpu = device.kind() != DeviceChoice.Kind.CPU && gpuVisible;
    if (gpu && TRAINING_COMMANDS.contains(command)) {
      return new Decision(
          "0",
          "note: op determinism is off for this GPU run: TensorFlow has no "
              + "deterministic GPU kernel for CropAndResizeGradImage (RoIAlign's gradient); "
              + "--device cpu gives bit-reproducible training (docs/how-to/gpu.md)");
    }
    return new Decision("1", null);
  }

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
