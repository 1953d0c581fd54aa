package ssm.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssm.io.Safetensors;

/**
 * training.average-last-epochs: the final weights are the last checkpoint's, or the element-wise
 * mean of the last N epochs' checkpoints of the final stage (hand-computed means).
 */
class FinalWeightsTest {
  @TempDir Path dir;

  @Test
  void meanOfTheLastEpochsOfTheFinalStage() throws IOException {
    checkpoint(5120, 1, 8, 100f, 100f); // Stage I's last: never mixed into Stage II's mean
    checkpoint(5557, 2, 1, 1f, 10f);
    checkpoint(5994, 2, 2, 2f, 20f);
    checkpoint(6431, 2, 3, 6f, -3f);
    CheckpointStore checkpoints = new CheckpointStore(dir, 10);
    Path target = dir.resolve("weights.safetensors");

    List<Path> used = FinalWeights.write(checkpoints, 3, target);
    assertEquals(
        List.of("ckpt-000005557", "ckpt-000005994", "ckpt-000006431"),
        used.stream().map(p -> p.getFileName().toString()).toList());
    Map<String, Safetensors.Entry> mean = Safetensors.read(target);
    assertArrayEquals(new float[] {3f, 9f}, mean.get("fc.weight").data());
    assertArrayEquals(new long[] {2}, mean.get("fc.weight").shape());
    assertArrayEquals(new float[] {6f}, mean.get("fc.bias").data());

    // asked for more epochs than Stage II has: its 3, Stage I's stays out
    assertEquals(3, FinalWeights.write(checkpoints, 5, target).size());
    // 1: the last checkpoint's file itself
    assertEquals(
        List.of(dir.resolve("ckpt-000006431")), FinalWeights.write(checkpoints, 1, target));
    assertArrayEquals(new float[] {6f, -3f}, Safetensors.read(target).get("fc.weight").data());
  }

  @Test
  void checkpointsWithOtherTensorsAreNamed() throws IOException {
    checkpoint(10, 2, 1, 1f, 2f);
    Path other = dir.resolve("ckpt-000000020");
    Files.createDirectories(other);
    Safetensors.write(
        other.resolve("weights.safetensors"),
        Map.of("fc.weight", new Safetensors.Entry(new long[] {1, 2}, new float[] {1f, 2f})),
        Map.of());
    state(other, 2, 2);
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                FinalWeights.write(new CheckpointStore(dir, 10), 2, dir.resolve("w.safetensors")));
    assertTrue(e.getMessage().contains("ckpt-000000020"), e.getMessage());
  }

  @Test
  void noCheckpointIsAnError() {
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                FinalWeights.write(new CheckpointStore(dir, 10), 3, dir.resolve("w.safetensors")));
    assertTrue(e.getMessage().contains("no checkpoint"), e.getMessage());
  }

  /** A checkpoint folder with weights fc.weight = [w0, w1], fc.bias = [2 w0]. */
  private void checkpoint(long step, int stage, int epoch, float w0, float w1) throws IOException {
    Path ckpt = dir.resolve(String.format("ckpt-%09d", step));
    Files.createDirectories(ckpt);
    Safetensors.write(
        ckpt.resolve("weights.safetensors"),
        Map.of(
            "fc.weight", new Safetensors.Entry(new long[] {2}, new float[] {w0, w1}),
            "fc.bias", new Safetensors.Entry(new long[] {1}, new float[] {2 * w0})),
        Map.of());
    state(ckpt, stage, epoch);
  }

  private static void state(Path ckpt, int stage, int epoch) throws IOException {
    Files.writeString(
        ckpt.resolve("state.json"),
        String.format(
            "{\"stage\": %d, \"epoch\": %d, \"position\": 0, \"global_step\": 0,"
                + " \"best_segmentation_loss\": 1.0}",
            stage, epoch));
  }
}
