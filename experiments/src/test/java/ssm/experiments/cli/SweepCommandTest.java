package ssm.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sweep's cartesian product and run names. */
class SweepCommandTest {

  @Test
  void productOfTwoKeysHasFourCombinationsFirstKeySlowest() {
    List<Map<String, String>> p =
        SweepCommand.product(
            List.of("training.learning-rate=1e-5,1e-4", "training.update-rule=s-only,s-bn"));
    assertEquals(4, p.size());
    assertEquals(
        Map.of("training.learning-rate", "1e-5", "training.update-rule", "s-only"), p.get(0));
    assertEquals(
        Map.of("training.learning-rate", "1e-5", "training.update-rule", "s-bn"), p.get(1));
    assertEquals(
        "training.learning-rate=1e-4,training.update-rule=s-bn", SweepCommand.label(p.get(3)));
  }

  @Test
  void malformedSweepIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> SweepCommand.product(List.of("epochs")));
    assertThrows(IllegalArgumentException.class, () -> SweepCommand.product(List.of("=1,2")));
  }
}
