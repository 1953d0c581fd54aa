package ssm.experiments.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
import ssm.settings.Variant;
import ssm.testing.SlowTest;
import ssm.train.CollectionAdversary;

/**
 * A run with {@code training.collection-adversary-weight} (refused over one collection: {@link
 * SettingsAgainstDataTest}): its event file charts the adversary's loss, its weights file holds the
 * model alone, and a resumed run ends with exactly the weights of the uninterrupted one (the
 * adversary's parameters travel in the checkpoints' optimizer files).
 */
class CollectionAdversaryRunTest {
  @TempDir Path dir;

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
    Path resumed = CrashAfter.crashThenResume(v, s, data, dir.resolve("crashed"), 9, List.of());

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
