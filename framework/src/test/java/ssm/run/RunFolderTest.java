package ssm.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run folder's layout, and the refusal of a fresh run over one that holds checkpoints. */
class RunFolderTest {
  @TempDir Path dir;

  @Test
  void namesTheRunsFiles() {
    RunFolder run = new RunFolder(dir);
    assertEquals(dir.resolve("config.conf"), run.config());
    assertEquals(dir.resolve("checkpoints"), run.checkpoints());
    assertEquals(dir.resolve("checkpoints/best"), run.best());
    assertEquals(dir.resolve("checkpoints/best-validation"), run.bestValidation());
    assertEquals(dir.resolve("split"), run.split());
    assertEquals(dir.resolve("weights.safetensors"), run.weights());
    assertEquals(dir.resolve("metrics.json"), run.metrics());
    assertEquals(dir.resolve(".lock"), run.lock());
    assertEquals("ckpt-000000042", RunFolder.checkpointName(42));
    assertTrue(RunFolder.isCheckpointName("ckpt-000000042"));
    assertFalse(RunFolder.isCheckpointName(RunFolder.BEST));
  }

  @Test
  void aFreshRunIsRefusedOnlyWhereCheckpointsAre() throws Exception {
    RunFolder run = new RunFolder(dir);
    run.refuseFreshRun(); // nothing there
    Files.createDirectories(run.checkpoints());
    run.refuseFreshRun(); // an empty checkpoint folder holds no run
    Files.createDirectories(run.checkpoints().resolve("ckpt-000000006"));
    ExistingRunException e = assertThrows(ExistingRunException.class, run::refuseFreshRun);
    assertTrue(e.getMessage().startsWith(dir + " already holds"), e.getMessage());
    assertTrue(e.getMessage().contains("--resume"), e.getMessage());
  }
}
