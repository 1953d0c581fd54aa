package ssm.experiments.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssm.events.ScalarSeries;
import ssm.io.Safetensors;
import ssm.loss.LossTags;
import ssm.settings.Settings;
import ssm.settings.SettingsException;
import ssm.settings.Variant;
import ssm.testing.SlowTest;
import ssm.train.CollectionAdversary;
import ssm.train.StepResult;
import ssm.train.TrainingHook;

/**
 * A run with {@code training.collection-adversary-weight}: refused where the classification slices
 * are all of one collection; otherwise its event file charts the adversary's loss, its weights file
 * holds the model alone, and a resumed run ends with exactly the weights of the uninterrupted one
 * (the adversary's parameters travel in the checkpoints' optimizer files).
 */
class CollectionAdversaryRunTest {
  @TempDir Path dir;

  @Test
  void oneCollectionIsRefusedBeforeTheRunFolderIsWritten() throws Exception {
    Settings s = TinyRun.settings(1, "training.collection-adversary-weight = 0.5");
    DataSources data = DataSources.resolve(s, null, null, dir);
    Path run = dir.resolve("run");
    SettingsException e =
        assertThrows(
            SettingsException.class,
            () -> TrainingRun.run(Variant.of(s), s, data, run, TrainingRun.Start.FRESH));
    assertEquals(
        "training.collection-adversary-weight = 0.5 needs classification training slices of at"
            + " least two collections; those of "
            + data.clsTrain()
            + " are all of cls (docs/reference/data.md, \"A slice's collection\")",
        e.getMessage());
    assertFalse(Files.exists(run), "a refused run writes no folder");
  }

  /** Dies, as kill -9 would, after {@code steps} steps. */
  private record Crash(long steps) implements TrainingHook {
    @Override
    public void afterStep(StepResult r) {
      if (r.state().globalStep() == steps) {
        throw new IllegalStateException("simulated crash at step " + steps);
      }
    }
  }

  @SlowTest
  @Test
  void aResumedRunWithTheAdversaryEqualsTheUninterruptedOne() throws Exception {
    Settings s = TinyRun.settings(2, "training.collection-adversary-weight = 0.5");
    Variant v = Variant.of(s);
    DataSources synthetic = DataSources.resolve(s, null, null, dir);
    // the same slices, alternately of collections "alpha" and "beta" (a split's seventh column)
    Path split = synthetic.clsTrain().resolveSibling("two-collections.txt");
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(synthetic.clsTrain())) {
      if (!line.isBlank()) {
        lines.add(line.strip() + (lines.size() % 2 == 0 ? " alpha" : " beta"));
      }
    }
    Files.write(split, lines);
    DataSources data =
        new DataSources(
            synthetic.segTrain(),
            synthetic.segVal(),
            synthetic.segTest(),
            split,
            synthetic.clsVal(),
            synthetic.clsTest(),
            synthetic.description());

    Path whole = TrainingRun.run(v, s, data, dir.resolve("whole"), TrainingRun.Start.FRESH);
    Path crashed = dir.resolve("crashed");
    assertThrows(
        IllegalStateException.class,
        () ->
            TrainingRun.run(
                v, s, data, crashed, TrainingRun.Start.FRESH, Map.of(), List.of(new Crash(9))));
    Path resumed =
        TrainingRun.run(
            v, s, data, crashed, new TrainingRun.Start(true, null, null), Map.of(), List.of());

    Map<String, Safetensors.Entry> a = Safetensors.read(whole);
    Map<String, Safetensors.Entry> b = Safetensors.read(resumed);
    assertFalse(
        a.keySet().stream().anyMatch(n -> n.startsWith(CollectionAdversary.PREFIX)),
        "the weights file holds the model only");
    assertEquals(a.keySet(), b.keySet());
    for (String name : a.keySet()) {
      assertArrayEquals(a.get(name).data(), b.get(name).data(), 0f, name);
    }
    assertEquals(
        12,
        ScalarSeries.read(dir.resolve("whole")).of(LossTags.COLLECTION_ADVERSARY).size(),
        "one point per classification step");
  }
}
