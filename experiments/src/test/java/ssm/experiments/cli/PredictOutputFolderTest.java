package ssm.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A reused {@code predict --out} folder: what predict wrote goes, anything else is kept. */
class PredictOutputFolderTest {
  @TempDir Path dir;

  @Test
  void aSecondPredictClearsTheFirstOnesFilesOnly() throws Exception {
    Path overlays = Files.createDirectories(dir.resolve("overlays"));
    try (PredictOutputFolder first = new PredictOutputFolder(dir, List.of(overlays))) {
      first.wrote(Files.writeString(overlays.resolve("old.png"), "x"));
      first.wrote(Files.writeString(dir.resolve("predictions.csv"), "file,class"));
    }
    Files.writeString(dir.resolve("my-notes.txt"), "the user's");

    try (PredictOutputFolder second = new PredictOutputFolder(dir, List.of(overlays))) {
      assertFalse(Files.exists(overlays.resolve("old.png")), "stale overlay removed");
      assertFalse(Files.exists(dir.resolve("predictions.csv")));
      assertTrue(Files.exists(dir.resolve("my-notes.txt")), "never listed, never deleted");
    }
  }

  @Test
  void aFolderWithOtherFilesInItsOverlaysIsRefusedUntouched() throws Exception {
    Path overlays = Files.createDirectories(dir.resolve("overlays"));
    Files.writeString(overlays.resolve("scan.png"), "someone else's");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new PredictOutputFolder(dir, List.of(overlays)));
    assertTrue(e.getMessage().contains("scan.png"), e.getMessage());
    assertEquals("someone else's", Files.readString(overlays.resolve("scan.png")));
  }
}
