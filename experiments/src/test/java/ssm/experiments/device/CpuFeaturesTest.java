package ssm.experiments.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuFeaturesTest {
  @Test
  void readsTheFirstProcessorsFlags() {
    String cpuinfo =
        "processor\t: 0\nmodel name\t: AMD EPYC 9R14\n"
            + "flags\t\t: fpu sse avx avx2 fma avx512f avx512_bf16\n\nprocessor\t: 1\n"
            + "flags\t\t: fpu\n";
    assertEquals(
        Map.of(
            "AVX2",
            true,
            "AVX-512F",
            true,
            "AVX-512 VNNI",
            false,
            "AVX-512 BF16",
            true,
            "AMX",
            false),
        CpuFeatures.of(cpuinfo));
    assertEquals("AMD EPYC 9R14", CpuFeatures.model(cpuinfo));
    assertEquals(Map.of(), CpuFeatures.of(""));
  }
}
