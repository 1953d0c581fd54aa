package ssm.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssm.settings.Variant;

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

  @Test
  void seedsGiveTheSweepATableFiveAndMarksOfItsOwnCombinations(@TempDir Path root)
      throws Exception {
    Variant v = Variant.parse("scratch-r18-3");
    TablesWithSeedsTest.metrics(root, "training.seed=1", v, 0.2);
    TablesWithSeedsTest.metrics(root, "training.seed=1-s2", v, 0.4);
    TablesWithSeedsTest.metrics(root, "training.seed=2", v, 0.1);
    TablesWithSeedsTest.metrics(root, "training.seed=2-s2", v, 0.1);
    TablesWithSeedsTest.metrics(root, "training.seed=9", v, 0.9); // an earlier sweep's
    for (String run : List.of("training.seed=1", "training.seed=1-s2")) {
      TablesWithSeedsTest.slices(root, run, true);
    }
    for (String run : List.of("training.seed=2", "training.seed=2-s2", "training.seed=9")) {
      TablesWithSeedsTest.slices(root, run, false);
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    SweepCommand.summaries(
        root,
        List.of("training.seed=1", "training.seed=2"),
        2,
        null,
        new PrintWriter(out),
        new PrintWriter(err));
    String text = out.toString();
    int table5 = text.indexOf("**Table 5.**");
    int marks = text.indexOf("**Significance.**");
    assertTrue(table5 >= 0 && marks > table5, text);
    assertTrue(
        text.contains("| training.seed=1 | 2 | ?, ? | 0.200, 0.400 | 0.300 ± 0.141 |"), text);
    assertTrue(
        text.contains("| training.seed=2 | 2 | ?, ? | 0.100, 0.100 | 0.100 ± 0.000 |"), text);
    assertFalse(text.contains("training.seed=9"), text);
    // both seeds of seed=1 right on all 10 slices, seed=2 wrong on all: p = 2 / 2001
    assertTrue(
        text.contains(
            "| accuracy | training.seed=1 | 1.000 | training.seed=2 | 0.000 | -1.000 |"
                + " [-1.000, -1.000] | < 0.001 | < 0.001 | * |"),
        text);
  }
}
