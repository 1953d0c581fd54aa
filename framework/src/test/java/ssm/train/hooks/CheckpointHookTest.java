package ssm.train.hooks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssm.loss.LossTags;
import ssm.run.RunFolder;
import ssm.train.CheckpointStore;
import ssm.train.StepResult;
import ssm.train.TrainingLossRecord;
import ssm.train.TrainingState;

/**
 * {@code best/} is the checkpoint of the epoch with the lowest mean training loss, also across a
 * resume: the resumed hook ranks against the loss saved with the checkpoint, not afresh.
 */
class CheckpointHookTest {
  @TempDir Path dir;

  private static final CheckpointStore.TensorFiles WEIGHTS =
      folder -> Files.write(folder.resolve(RunFolder.WEIGHTS), new byte[] {1});

  /** Runs stage II epochs {@code from}.. of two steps each with these mean losses. */
  private static TrainingState epochs(CheckpointHook hook, TrainingState s, double... losses)
      throws Exception {
    for (double loss : losses) {
      for (int i = 0; i < 2; i++) {
        s = s.next(s.bestSegmentationLoss());
        float seg = (float) (loss + (i == 0 ? -0.5 : 0.5)); // mean over the two steps: loss
        hook.afterStep(
            new StepResult(
                s, Map.of(LossTags.SEGMENTATION, seg), false, 0, "", Map.of(), 1e-4, 1e-4));
      }
      TrainingState next = s.nextEpoch();
      hook.afterEpoch(s, next);
      s = next;
    }
    return s;
  }

  private long bestStep(CheckpointStore store) throws IOException {
    return store.state(dir.resolve(RunFolder.BEST)).globalStep();
  }

  @Test
  void aResumedRunRanksAgainstTheSavedBestLoss() throws Exception {
    CheckpointStore whole = new CheckpointStore(dir.resolve("whole"), 5);
    epochs(new CheckpointHook(whole, WEIGHTS, 1), TrainingState.start(false), 1.0, 2.0, 3.0);
    assertEquals(2, whole.state(whole.dir().resolve(RunFolder.BEST)).globalStep());

    CheckpointStore store = new CheckpointStore(dir, 5);
    TrainingState after1 =
        epochs(new CheckpointHook(store, WEIGHTS, 1), TrainingState.start(false), 1.0);
    assertEquals(new TrainingLossRecord(1.0, 1.0, true), store.scores(store.latest().get()).get());
    CheckpointHook resumed = new CheckpointHook(store, WEIGHTS, 1);
    resumed.resumeFrom(store.latest().get());
    epochs(resumed, after1, 2.0, 3.0);
    assertEquals(2, bestStep(store), "epoch 2 (loss 2.0) does not beat epoch 1 (loss 1.0)");
    assertEquals(new TrainingLossRecord(3.0, 1.0, false), store.scores(store.latest().get()).get());
  }

  @Test
  void aRunThatDiedBeforeKeepingItsBestKeepsItOnResume() throws Exception {
    CheckpointStore store = new CheckpointStore(dir, 5);
    TrainingState after2 =
        epochs(new CheckpointHook(store, WEIGHTS, 1), TrainingState.start(false), 2.0, 1.0);
    assertEquals(4, bestStep(store));
    // as if it died between writing its checkpoint and keeping it: best/ still the first epoch's
    deleteRecursively(dir.resolve(RunFolder.BEST));
    store.keepAs(dir.resolve(RunFolder.checkpointName(2)), RunFolder.BEST);

    CheckpointHook resumed = new CheckpointHook(store, WEIGHTS, 1);
    resumed.resumeFrom(store.latest().get());
    assertEquals(4, bestStep(store));
    epochs(resumed, after2, 1.5);
    assertEquals(4, bestStep(store), "1.5 does not beat 1.0");
  }

  private static void deleteRecursively(Path p) throws IOException {
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }
}
