package ssm.experiments.device;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DeterminismDefaultTest {
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
