package ssm.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssm.run.RunFolder;

/**
 * The checkpoint files without TensorFlow: retention, optimizer state on the newest only, kept
 * copies as hard links, scores and counters read back, and no trace of a failed write.
 */
class CheckpointStoreTest {
  @TempDir Path dir;

  /** Tensor files whose bytes say which step wrote them. */
  private static CheckpointStore.TensorFiles tensors(long step) {
    return folder -> {
      Files.write(folder.resolve(RunFolder.WEIGHTS), new byte[] {(byte) step, 1});
      Files.write(folder.resolve(RunFolder.OPTIMIZER), new byte[] {(byte) step, 2});
    };
  }

  private static TrainingState state(int epoch, long step) {
    return new TrainingState(2, epoch, 0, step, 0.5);
  }

  private List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void keepsTheNewestAndTheirOptimizerStateOnTheNewestOnly() throws IOException {
    CheckpointStore store = new CheckpointStore(dir, 2);
    for (int epoch = 1; epoch <= 3; epoch++) {
      store.write(state(epoch, 6L * epoch), null, tensors(6L * epoch));
    }
    assertEquals(List.of("ckpt-000000012", "ckpt-000000018"), names());
    Path newest = store.latest().orElseThrow();
    assertEquals(dir.resolve("ckpt-000000018"), newest);
    assertArrayEquals(new byte[] {18, 2}, Files.readAllBytes(newest.resolve(RunFolder.OPTIMIZER)));
    assertFalse(Files.exists(dir.resolve("ckpt-000000012").resolve(RunFolder.OPTIMIZER)));
    assertEquals(state(3, 18), store.state(newest));
    assertEquals(Optional.empty(), store.scores(newest));

    store.finish();
    assertFalse(Files.exists(newest.resolve(RunFolder.OPTIMIZER)));
    assertArrayEquals(new byte[] {18, 1}, Files.readAllBytes(newest.resolve(RunFolder.WEIGHTS)));
  }

  @Test
  void aKeptCopyLinksTheCheckpointsFilesButNotItsOptimizerState() throws IOException {
    CheckpointStore store = new CheckpointStore(dir, 5);
    TrainingLossRecord scores = new TrainingLossRecord(1.25, 1.25, true);
    Path first = store.write(state(1, 6), scores, tensors(6));
    Path second = store.write(state(2, 12), new TrainingLossRecord(2.5, 1.25, false), tensors(12));
    assertFalse(store.keeps(RunFolder.BEST, first));

    store.keepAs(first, RunFolder.BEST);
    Path best = dir.resolve(RunFolder.BEST);
    assertTrue(store.keeps(RunFolder.BEST, first));
    assertFalse(store.keeps(RunFolder.BEST, second));
    assertTrue(Files.isSameFile(first.resolve(RunFolder.WEIGHTS), best.resolve(RunFolder.WEIGHTS)));
    assertFalse(Files.exists(best.resolve(RunFolder.OPTIMIZER)));
    assertEquals(Optional.of(scores), store.scores(best));
    assertEquals(Optional.of(new TrainingLossRecord(2.5, 1.25, false)), store.scores(second));
    // a kept copy is not a checkpoint: the newest is still the last written
    assertEquals(second, store.latest().orElseThrow());
    assertEquals(List.of(first, second), store.newestOfLastStage(5));
  }

  @Test
  void aFailedWriteLeavesNothingBehind() throws IOException {
    CheckpointStore store = new CheckpointStore(dir, 2);
    Path kept = store.write(state(1, 6), null, tensors(6));
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                store.write(
                    state(2, 12),
                    null,
                    folder -> {
                      Files.write(folder.resolve(RunFolder.WEIGHTS), new byte[] {12});
                      throw new IOException("disk full");
                    }));
    assertEquals("disk full", e.getMessage());
    assertEquals(List.of("ckpt-000000006"), names());
    assertEquals(kept, store.latest().orElseThrow());
    assertArrayEquals(new byte[] {6, 2}, Files.readAllBytes(kept.resolve(RunFolder.OPTIMIZER)));
  }

  @Test
  void keepingNoCheckpointIsRefusedNamingTheSetting() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new CheckpointStore(dir, 0));
    assertTrue(e.getMessage().contains("training.keep-checkpoints = 0"), e.getMessage());
  }
}
