package ssm.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunSummaryTest {
  @Test
  void readsTheTestFiguresOfAnEarlierSchemaReport(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("metrics.json"),
        "{\"schema\": \"ssm-metrics/1\", \"variant\": \"shared-r18-2\","
            + " \"segmentation\": {\"paper\": {\"ap50\": 0.8, \"ap\": 0.4}},"
            + " \"classification\": {\"accuracy\": 0.75, \"f1_weighted\": null}}");
    RunSummary r = RunSummary.read("shared-r18-2", dir);
    assertEquals(0.8, r.testAp50(), 0);
    assertEquals(0.4, r.testAp(), 0);
    assertEquals(0.75, r.testAccuracy(), 0);
    assertTrue(Double.isNaN(r.testF1()), "undefined F1: NaN");
  }

  @Test
  void aRunWithoutMetricsHasNoTestFigures(@TempDir Path dir) throws Exception {
    RunSummary r = RunSummary.read("x", dir);
    assertTrue(Double.isNaN(r.testAp50()));
    assertTrue(Double.isNaN(r.testAccuracy()));
    assertEquals("empty", r.state());
  }

  @Test
  void anUnknownSchemaNamesTheFile(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("metrics.json"), "{\"schema\": \"x\", \"variant\": \"v\"}");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> RunSummary.read("x", dir));
    assertTrue(e.getMessage().contains(dir.resolve("metrics.json").toString()), e.getMessage());
  }
}
