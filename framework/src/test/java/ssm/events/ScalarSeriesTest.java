package ssm.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScalarSeriesTest {
  @TempDir Path dir;

  @Test
  void readsBackTheScalarsEventFileWriterWroteAndLetsAResumedFileWin() throws Exception {
    try (EventFileWriter first = new EventFileWriter(dir, ".a", Duration.ofSeconds(2))) {
      first.scalar("loss/mask", 1, 0.5);
      first.scalar("loss/mask", 2, 0.25);
      first.scalars(2, Map.of("eval/f1", 0.4));
      first.text("config", 0, "not a scalar");
      first.histogram("weights/w", 2, new float[] {1, 2});
    }
    // the resumed run's file sorts after the first (same second, suffix .b) and replays step 2
    try (EventFileWriter resumed = new EventFileWriter(dir, ".b", Duration.ofSeconds(2))) {
      resumed.scalar("loss/mask", 2, 0.125);
      resumed.scalar("loss/mask", 3, 0.0625);
    }
    ScalarSeries s = ScalarSeries.read(dir);
    assertEquals(List.of("eval/f1", "loss/mask"), List.copyOf(s.all().keySet()));
    assertEquals(
        List.of(
            new ScalarSeries.Point(1, 0.5),
            new ScalarSeries.Point(2, 0.125),
            new ScalarSeries.Point(3, 0.0625)),
        s.of("loss/mask"));
    assertEquals(0.4, s.of("eval/f1").get(0).value(), 1e-7); // stored as float32
  }
}
