package ssm.experiments.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssm.run.RunFolder;
import ssm.settings.Settings;
import ssm.settings.Variant;
import ssm.testing.SlowTest;

/**
 * A run that dies at any point of an epoch's end (its checkpoint written; its validation scored but
 * not recorded; its validation recorded) and is resumed keeps the same {@code best/}, {@code
 * best-validation/} and final weights, byte for byte, as the run uninterrupted: the lowest training
 * loss is saved with each checkpoint, and a checkpoint whose validation did not run is validated
 * before training goes on.
 */
@SlowTest
class ResumeAtEpochEndTest {
  @TempDir Path dir;

  /** Dies, as a kill would, the first time the run reaches {@code point} after epoch {@code n}. */
  private static final class Kill implements EpochEndProbe {
    private final Point point;
    private final int epochsDone;
    private boolean killed;

    Kill(Point point, int epochsDone) {
      this.point = point;
      this.epochsDone = epochsDone;
    }

    @Override
    public void reached(Point p, ssm.train.TrainingState next) {
      if (!killed && p == point && next.epoch() == epochsDone) {
        killed = true;
        throw new IllegalStateException("killed at " + p + " after epoch " + epochsDone);
      }
    }
  }

  @Test
  void aRunKilledAtAnEpochsEndAndResumedKeepsTheSameBestCheckpoints() throws Exception {
    Settings s = TinyRun.settings(2);
    Variant v = Variant.of(s);
    DataSources data = DataSources.resolve(s, null, null, dir);
    Path whole = dir.resolve("whole");
    TrainingRun.run(v, s, data, whole, TrainingRun.Start.FRESH);
    Map<String, byte[]> expected = kept(whole);

    // after the first epoch: the run goes on training; after the last: a finished run
    List<Kill> kills =
        List.of(
            new Kill(EpochEndProbe.Point.CHECKPOINT_WRITTEN, 1),
            new Kill(EpochEndProbe.Point.VALIDATION_SCORED, 1),
            new Kill(EpochEndProbe.Point.VALIDATION_RECORDED, 1),
            new Kill(EpochEndProbe.Point.CHECKPOINT_WRITTEN, 2));
    for (Kill kill : kills) {
      Path run = dir.resolve(kill.point + "-" + kill.epochsDone);
      assertThrows(
          IllegalStateException.class,
          () ->
              TrainingRun.run(v, s, data, run, TrainingRun.Start.FRESH, Map.of(), List.of(), kill));
      TrainingRun.run(v, s, data, run, new TrainingRun.Start(true, null, null));
      Map<String, byte[]> resumed = kept(run);
      assertEquals(expected.keySet(), resumed.keySet(), run.toString());
      for (String name : expected.keySet()) {
        assertArrayEquals(expected.get(name), resumed.get(name), run + ": " + name);
      }
    }
  }

  /** The bytes of the final weights and of every file of best/ and best-validation/. */
  private static Map<String, byte[]> kept(Path run) throws IOException {
    Map<String, byte[]> out = new TreeMap<>();
    out.put(TrainingRun.WEIGHTS, Files.readAllBytes(run.resolve(TrainingRun.WEIGHTS)));
    for (String name : List.of(RunFolder.BEST, RunFolder.BEST_VALIDATION)) {
      try (Stream<Path> files = Files.list(run.resolve("checkpoints").resolve(name))) {
        for (Path f : files.toList()) {
          out.put(name + "/" + f.getFileName(), Files.readAllBytes(f));
        }
      }
    }
    return out;
  }
}
