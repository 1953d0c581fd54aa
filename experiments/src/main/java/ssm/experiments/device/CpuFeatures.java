package ssm.experiments.device;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The CPU's model and the vector features TensorFlow's CPU kernels use, from /proc/cpuinfo. */
public final class CpuFeatures {
  private CpuFeatures() {}

  /** Feature name -> present, for AVX2, AVX-512 (F, VNNI, BF16) and AMX; empty off Linux. */
  public static Map<String, Boolean> of(String cpuinfo) {
    Set<String> flags =
        cpuinfo
            .lines()
            .filter(l -> l.startsWith("flags"))
            .findFirst()
            .map(
                l ->
                    Arrays.stream(l.substring(l.indexOf(':') + 1).trim().split("\\s+"))
                        .collect(Collectors.toSet()))
            .orElse(Set.of());
    Map<String, Boolean> out = new LinkedHashMap<>();
    if (flags.isEmpty()) {
      return out;
    }
    out.put("AVX2", flags.contains("avx2"));
    out.put("AVX-512F", flags.contains("avx512f"));
    out.put("AVX-512 VNNI", flags.contains("avx512_vnni"));
    out.put("AVX-512 BF16", flags.contains("avx512_bf16"));
    out.put("AMX", flags.contains("amx_tile"));
    return out;
  }

  /** The "model name" line of {@code cpuinfo}, or "unknown". */
  public static String model(String cpuinfo) {
    return cpuinfo
        .lines()
        .filter(l -> l.startsWith("model name"))
        .findFirst()
        .map(l -> l.substring(l.indexOf(':') + 1).trim())
        .orElse("unknown");
  }

  /** /proc/cpuinfo's text, or "" where there is none. */
  public static String read() {
    try {
      return Files.readString(Path.of("/proc/cpuinfo"));
    } catch (IOException e) {
      return "";
    }
  }
}
