package ssm.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which config.conf belongs to a weights file. */
class RunConfigTest {
  @TempDir Path dir;

  @Test
  void finalWeightsAndCheckpointsFindTheirRunsSettings() throws Exception {
    Path conf = Files.writeString(dir.resolve("config.conf"), "variant = scratch-r18-2\n");
    assertEquals(Optional.of(conf), RunConfig.of(dir.resolve("weights.safetensors")));
    assertEquals(
        Optional.of(conf),
        RunConfig.of(dir.resolve("checkpoints/ckpt-000000036/weights.safetensors")));
    assertEquals(
        Optional.of(conf),
        RunConfig.of(dir.resolve("checkpoints/best-validation/weights.safetensors")));
  }

  @Test
  void weightsElsewhereHaveNone() {
    // a copy in some folder below a run is not that run's checkpoint
    assertEquals(Optional.empty(), RunConfig.of(dir.resolve("exports/weights.safetensors")));
    assertEquals(Optional.empty(), RunConfig.of(Path.of("/weights.safetensors")));
    assertEquals(Optional.empty(), RunConfig.of(Path.of("weights.safetensors")));
  }
}
