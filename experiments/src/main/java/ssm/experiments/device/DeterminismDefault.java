package ssm.experiments.device;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import ssm.device.Determinism;
import ssm.device.DeviceChoice;
import ssm.device.NativeBuild;

/**
 * Run by the launcher {@code ./ssm} before the command, when the jar holds the GPU natives and the
 * user left {@code TF_DETERMINISTIC_OPS} unset: prints the value to export (1 or 0) on stdout and,
 * when it turns determinism off, one line on stderr ({@link Determinism}). Starts no TensorFlow:
 * the command line and the NVIDIA driver's device files are enough.
 */
public final class DeterminismDefault {
  private DeterminismDefault() {}

  public static void main(String[] args) {
    Determinism.Decision d = decide(List.of(args), NativeBuild.isGpuBuild() && driverSeesGpu());
    if (d.note() != null) {
      System.err.println(d.note());
    }
    System.out.println(d.value());
  }

  /** The decision for a command line {@code args} (subcommand first, options anywhere). */
  static Determinism.Decision decide(List<String> args, boolean gpuVisible) {
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
    return Determinism.launcherValue(command, device, gpuVisible);
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
