package ssm.experiments.device;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import ssm.device.Determinism;
import ssm.device.DeviceChoice;
import ssm.device.NativeBuild;

/**
 * Run by the launcher {@code ./ssm} before the command, when the jar holds the GPU natives and the
 * user left {@code TF_DETERMINISTIC_OPS} unset: prints the value to export (1 or 0) on stdout and,
 * when it turns determinism off, one line on stderr. Starts no TensorFlow: the command line and the
 * NVIDIA driver's device files are enough.
 *
 * <p>On the CPU op determinism is on: the same seed gives the same weights. A GPU training run gets
 * it off, with one line saying so, because its graph holds an op with no deterministic GPU kernel
 * ({@link Determinism}).
 */
public final class DeterminismDefault {
  /** Commands that build a training graph. */
  static final Set<String> TRAINING_COMMANDS = Set.of("train", "grid", "sweep", "bench");

  /**
   * The launcher's answer.
   *
   * @param value what to export as {@code TF_DETERMINISTIC_OPS}
   * @param note one line for the user, or null
   */
  public record Decision(String value, String note) {}

  private DeterminismDefault() {}

  public static void main(String[] args) {
    Decision d = decide(List.of(args), NativeBuild.isGpuBuild() && driverSeesGpu());
    if (d.note() != null) {
      System.err.println(d.note());
    }
    System.out.println(d.value());
  }

  /** The decision for a command line {@code args} (subcommand first, options anywhere). */
  static Decision decide(List<String> args, boolean gpuVisible) {
    String command = "";
    for (int i = 0; i < args.size() && command.isEmpty(); i++) {
      boolean deviceValue = i > 0 && args.get(i - 1).equals("--device");
      if (!args.get(i).startsWith("-") && !deviceValue) {
        command = args.get(i);
      }
    }
    DeviceChoice device = DeviceChoice.AUTO;
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      try {
        if (a.equals("--device") && i + 1 < args.size()) {
          device = DeviceChoice.parse(args.get(i + 1));
        } else if (a.startsWith("--device=")) {
          device = DeviceChoice.parse(a.substring("--device=".length()));
        }
      } catch (IllegalArgumentException e) {
        device = DeviceChoice.AUTO; // the command itself reports the bad value
      }
    }
    return launcherValue(command, device, gpuVisible);
  }

  /**
   * What {@code TF_DETERMINISTIC_OPS} a command should run with when the user did not set it.
   *
   * @param command the subcommand, e.g. {@code train}
   * @param device the {@code --device} choice
   * @param gpuVisible whether a GPU is there to use (GPU natives and a GPU)
   */
  static Decision launcherValue(String command, DeviceChoice device, boolean gpuVisible) {
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

  /** Whether the NVIDIA driver has a GPU: its /proc entries or device files. */
  static boolean driverSeesGpu() {
    Path gpus = Path.of("/proc/driver/nvidia/gpus");
    try (var entries = Files.isDirectory(gpus) ? Files.list(gpus) : null) {
      if (entries != null && entries.findAny().isPresent()) {
        return true;
      }
    } catch (java.io.IOException e) {
      // fall through to the device files
    }
    return Files.exists(Path.of("/dev/nvidia0")) || Files.exists(Path.of("/dev/dxg"));
  }
}
