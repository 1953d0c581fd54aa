package ssm.experiments.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import ssm.device.DeviceChoice;

class DeterminismDefaultTest {
  private static final DeviceChoice GPU = DeviceChoice.parse("gpu");

  @Test
  void gpuTrainingGetsDeterminismOffWithOneLine() {
    DeterminismDefault.Decision d =
        DeterminismDefault.launcherValue("train", DeviceChoice.AUTO, true);
    assertEquals("0", d.value());
    assertTrue(d.note().contains("CropAndResizeGradImage") && d.note().contains("--device cpu"));
    assertEquals("0", DeterminismDefault.launcherValue("grid", GPU, true).value());
  }

  @Test
  void cpuRunsInferenceAndMachinesWithoutGpuKeepIt() {
    assertEquals(
        new DeterminismDefault.Decision("1", null),
        DeterminismDefault.launcherValue("train", DeviceChoice.CPU, true));
    assertEquals(
        new DeterminismDefault.Decision("1", null),
        DeterminismDefault.launcherValue("train", DeviceChoice.AUTO, false));
    DeterminismDefault.Decision predict = DeterminismDefault.launcherValue("predict", GPU, true);
    assertEquals("1", predict.value());
    assertNull(predict.note());
  }

  private static String value(boolean gpu, String... args) {
    return DeterminismDefault.decide(List.of(args), gpu).value();
  }

  @Test
  void readsTheCommandAndDeviceWhereverTheyStand() {
    assertEquals("0", value(true, "train", "--variant", "scratch-r18-3"));
    assertEquals("0", value(true, "--device", "gpu", "train"));
    assertEquals("0", value(true, "--verbose", "grid", "--device=gpu:1"));
    assertEquals("1", value(true, "train", "--device", "cpu"));
    assertEquals("1", value(true, "--device=cpu", "sweep"));
    assertEquals("1", value(true, "predict", "--device", "gpu"));
    assertEquals("1", value(false, "train"));
    assertEquals("0", value(true, "train", "--device", "nonsense")); // the command reports it
  }
}
