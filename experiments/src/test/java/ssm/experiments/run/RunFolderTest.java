package ssm.experiments.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssm.io.Safetensors;
import ssm.run.RunFolder;
import ssm.settings.Settings;
import ssm.settings.Variant;
import ssm.testing.SlowTest;

/**
 * What a training run leaves in its folder besides the weights: every checkpoint's validation
 * metrics, a copy (hard links) of the checkpoint that scored best on validation, no optimizer state
 * once finished, and a refusal to start a fresh run over another run's checkpoints.
 */
@SlowTest
class RunFolderTest {
  @TempDir Path dir;

  @Test
  void keepsTheBestValidationCheckpointAndRefusesToOverwriteARun() throws Exception {
    Settings s = TinyRun.settings(3);
    Variant v = Variant.of(s);
    DataSources data = DataSources.resolve(s, null, null, dir);
    Path run = dir.resolve("run");
    TrainingRun.run(v, s, data, run, TrainingRun.Start.FRESH);

    Path checkpoints = run.resolve("checkpoints");
    List<Path> written;
    try (Stream<Path> all = Files.list(checkpoints)) {
      written = all.filter(p -> p.getFileName().toString().startsWith("ckpt-")).sorted().toList();
    }
    assertEquals(3, written.size(), "one checkpoint per epoch");
    ObjectMapper json = new ObjectMapper();
    Path best = written.get(0);
    double bestF1 = Double.NEGATIVE_INFINITY;
    for (Path ckpt : written) { // the earliest of equal scores is kept
      double f1 =
          json.readTree(ckpt.resolve(BestValidationKeeper.METRICS_FILE).toFile())
              .get("eval/f1")
              .asDouble();
      if (f1 > bestF1) {
        bestF1 = f1;
        best = ckpt;
      }
    }
    Path kept = checkpoints.resolve(RunFolder.BEST_VALIDATION);
    assertEquals(
        bestF1,
        json.readTree(kept.resolve(BestValidationKeeper.METRICS_FILE).toFile())
            .get("eval/f1")
            .asDouble());
    Map<String, Safetensors.Entry> a = Safetensors.read(best.resolve(TrainingRun.WEIGHTS));
    Map<String, Safetensors.Entry> b = Safetensors.read(kept.resolve(TrainingRun.WEIGHTS));
    assertEquals(a.keySet(), b.keySet());
    for (String name : a.keySet()) {
      assertArrayEquals(a.get(name).data(), b.get(name).data(), 0f, name);
    }

    // no duplicates on disk: the kept copies and the final weights are links to the checkpoints'
    // files, and a finished run keeps no optimizer state
    assertTrue(
        Files.isSameFile(best.resolve(TrainingRun.WEIGHTS), kept.resolve(TrainingRun.WEIGHTS)));
    assertTrue(
        Files.isSameFile(
            written.get(2).resolve(TrainingRun.WEIGHTS), run.resolve(TrainingRun.WEIGHTS)));
    try (Stream<Path> all = Files.walk(run)) {
      assertEquals(
          List.of(),
          all.filter(p -> p.getFileName().toString().equals("optimizer.safetensors")).toList());
    }

    long before = Files.getLastModifiedTime(run.resolve("config.conf")).toMillis();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> TrainingRun.run(v, s, data, run, TrainingRun.Start.FRESH));
    assertTrue(e.getMessage().contains("--resume"), e.getMessage());
    assertEquals(
        before,
        Files.getLastModifiedTime(run.resolve("config.conf")).toMillis(),
        "nothing of the first run is touched");
  }

  @Test
  void finalWeightsAreTheMeanOfTheLastEpochsWhenAsked() throws Exception {
    Settings s = TinyRun.settings(3, "training.average-last-epochs = 2");
    Path run = dir.resolve("averaged");
    TrainingRun.run(
        Variant.of(s), s, DataSources.resolve(s, null, null, dir), run, TrainingRun.Start.FRESH);
    List<Path> written;
    try (Stream<Path> all = Files.list(run.resolve("checkpoints"))) {
      written = all.filter(p -> p.getFileName().toString().startsWith("ckpt-")).sorted().toList();
    }
    Map<String, Safetensors.Entry> second =
        Safetensors.read(written.get(1).resolve("weights.safetensors"));
    Map<String, Safetensors.Entry> third =
        Safetensors.read(written.get(2).resolve("weights.safetensors"));
    Map<String, Safetensors.Entry> last = Safetensors.read(run.resolve(TrainingRun.WEIGHTS));
    assertEquals(third.keySet(), last.keySet());
    int moved = 0;
    for (String name : last.keySet()) {
      float[] b = second.get(name).data();
      float[] c = third.get(name).data();
      float[] mean = new float[b.length];
      for (int i = 0; i < b.length; i++) {
        mean[i] = (float) (((double) b[i] + c[i]) / 2);
        moved += b[i] != c[i] ? 1 : 0;
      }
      assertArrayEquals(mean, last.get(name).data(), 0f, name);
    }
    assertTrue(moved > 0, "the last two epochs left different weights: their mean is new");
  }
}
