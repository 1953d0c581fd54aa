package ssm.experiments.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssm.io.Safetensors;
import ssm.settings.Settings;
import ssm.settings.Variant;
import ssm.testing.SlowTest;
import ssm.train.StepResult;
import ssm.train.TrainingHook;

/**
 * A run that dies in the middle of its second epoch and is resumed from its last checkpoint ends
 * with exactly the weights of the same run uninterrupted (same seed): every random choice derives
 * from (seed, stage, epoch, position), checkpoints hold the optimizer state, and
 * TF_DETERMINISTIC_OPS=1 makes the kernels reproducible.
 */
@SlowTest
class ResumeTest {
  @TempDir Path dir;

  @Test
  void resumedRunEqualsUninterruptedRun() throws Exception {
    Settings s = TinyRun.settings(2);
    Variant v = Variant.of(s);
    DataSources data = DataSources.resolve(s, null, null, dir);

    Path whole = TrainingRun.run(v, s, data, dir.resolve("whole"), TrainingRun.Start.FRESH);
    long[] executed = {0};
    TrainingHook counter =
        new TrainingHook() {
          @Override
          public void afterStep(StepResult r) {
            executed[0]++;
          }
        };
    // 6 classification slices per epoch: step 9 is the middle of epoch 2
    Path resumed =
        CrashAfter.crashThenResume(v, s, data, dir.resolve("crashed"), 9, List.of(counter));
    assertEquals(6, executed[0], "the resumed run replays epoch 2 only, from its checkpoint");

    Map<String, Safetensors.Entry> a = Safetensors.read(whole);
    Map<String, Safetensors.Entry> b = Safetensors.read(resumed);
    assertEquals(a.keySet(), b.keySet());
    for (String name : a.keySet()) {
      assertArrayEquals(a.get(name).data(), b.get(name).data(), 0f, name);
    }
  }
}
