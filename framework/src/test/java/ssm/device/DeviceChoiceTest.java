package ssm.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import org.junit.jupiter.api.Test;
import org.tensorflow.proto.ConfigProto;

class DeviceChoiceTest {
  private static ConfigProto config(String device) {
    ConfigProto.Builder b = ConfigProto.newBuilder();
    DeviceChoice.parse(device).configure(b);
    return b.build();
  }

  @Test
  void parsesTheFourForms() {
    assertEquals(DeviceChoice.CPU, DeviceChoice.parse("CPU"));
    assertEquals(DeviceChoice.AUTO, DeviceChoice.parse("auto"));
    assertEquals(new DeviceChoice(DeviceChoice.Kind.GPU, -1), DeviceChoice.parse("gpu"));
    assertEquals(new DeviceChoice(DeviceChoice.Kind.GPU, 1), DeviceChoice.parse(" gpu:1 "));
    assertEquals("gpu:1", DeviceChoice.parse("gpu:1").toString());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DeviceChoice.parse("cuda"));
    assertTrue(e.getMessage().contains("--device cuda"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> DeviceChoice.parse("gpu:-1"));
  }

  @Test
  void cpuHidesTheGpusAndGpuGrowsMemory() {
    assertEquals(0, config("cpu").getDeviceCountOrThrow("GPU"));
    assertFalse(config("cpu").hasGpuOptions());
    ConfigProto gpu = config("gpu");
    assertTrue(gpu.getGpuOptions().getAllowGrowth());
    assertEquals("", gpu.getGpuOptions().getVisibleDeviceList());
    assertEquals("2", config("gpu:2").getGpuOptions().getVisibleDeviceList());
    assertFalse(config("gpu:2").getAllowSoftPlacement());
    assertEquals(0, config("auto").getDeviceCountCount()); // every device TensorFlow finds
  }

  @Test
  void withoutGpuNativesAutoMeansCpuAndGpuIsRefused() {
    assumeFalse(NativeBuild.isGpuBuild(), "about the CPU natives (the default build)");
    try {
      Devices.select(DeviceChoice.AUTO);
      assertFalse(Devices.onGpu());
      Devices.select(DeviceChoice.parse("gpu"));
      DeviceSetupException e = assertThrows(DeviceSetupException.class, Devices::onGpu);
      assertTrue(e.getMessage().contains("-Pgpu"), e.getMessage());
    } finally {
      Devices.select(DeviceChoice.AUTO);
    }
  }
}
