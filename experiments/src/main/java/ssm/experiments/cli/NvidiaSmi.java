package ssm.experiments.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The GPUs the NVIDIA driver reports (index, name, memory, compute capability, driver version):
 * what TensorFlow's C API does not tell. Empty when nvidia-smi is not installed.
 */
final class NvidiaSmi {
  private NvidiaSmi() {}

  static List<String> query() {
    try {
      Process p =
          new ProcessBuilder(
                  "nvidia-smi",
                  "--query-gpu=index,name,memory.total,compute_cap,driver_version",
                  "--format=csv,noheader")
              .redirectErrorStream(true)
              .start();
      String out;
      try (InputStream in = p.getInputStream()) {
        out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroy();
        return List.of("nvidia-smi did not answer within 20 s");
      }
      return out.lines().filter(l -> !l.isBlank()).toList();
    } catch (IOException e) {
      return List.of(); // not installed
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
  }
}
