package ssm.io.pth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ssm.io.Safetensors;
import ssm.testing.AuthorCheckpoint;
import ssm.testing.ReferenceFixture;

/** The author's checkpoints (fixture author-checkpoint), read against the parity weights. */
class PthReaderTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"modelA-zip.pth", "modelA-legacy.pth"})
  void tensorsAreBitEqualToTheParityWeights(String name) throws Exception {
    PthCheckpoint c = PthReader.read(AuthorCheckpoint.file(name));
    Map<String, Safetensors.Entry> reference = Safetensors.read(ReferenceFixture.weights());

    assertEquals(name.contains("zip") ? "zip" : "legacy", c.format());
    TreeSet<String> floats = new TreeSet<>();
    TreeSet<String> counters = new TreeSet<>();
    c.modelWeights()
        .forEach((n, t) -> (t.dtype() == StorageType.FLOAT32 ? floats : counters).add(n));
    assertEquals(new TreeSet<>(reference.keySet()), floats, "float32 tensor names");
    assertEquals(113, floats.size());
    List<String> differing = new java.util.ArrayList<>();
    for (String n : floats) {
      PthTensor t = c.modelWeights().get(n);
      assertArrayEquals(reference.get(n).shape(), t.shape(), n);
      float[] ref = reference.get(n).data();
      for (int i = 0; i < ref.length; i++) {
        if (Float.floatToRawIntBits(ref[i]) != Float.floatToRawIntBits(t.floats()[i])) {
          differing.add(n + "[" + i + "] " + t.floats()[i] + " != " + ref[i]);
          break;
        }
      }
    }
    // torch.load agrees with this reader on the committed files (docs/how-to/authors-checkpoint.md,
    // "How it was
    // checked"): a difference here is in the fixture, not in the reader.
    assertEquals(
        List.of(),
        differing,
        differing.size() + " of 113 tensors of " + name + " differ from weights.safetensors");
    // One int64 num_batches_tracked scalar per BatchNorm: a BatchNorm has 4 float tensors.
    long batchNorms = floats.stream().filter(n -> n.endsWith(".running_var")).count();
    assertEquals(batchNorms, counters.size());
    counters.forEach(
        n -> {
          assertTrue(n.endsWith(".num_batches_tracked"), n);
          assertEquals(0, c.modelWeights().get(n).shape().length, n);
        });

    // The rest of the author's layout (fixture README): epoch '49', Adam's lr 1e-5, its state
    // (step, exp_avg, exp_avg_sq) for the first 4 parameters = 12 tensors, the anchors.
    assertEquals("49", c.epoch().orElseThrow());
    assertEquals(1e-5, c.lrate().orElseThrow(), 0);
    assertEquals(12, c.optimizerTensors().orElseThrow());
    assertEquals(List.of(), c.otherEntries());
    CheckpointAnchors a = c.anchors().orElseThrow();
    assertTrue(a.matches(new int[] {2, 4, 8, 16, 32}, new float[] {0.1f, 0.25f, 0.5f, 1, 1.5f, 2}));
    assertFalse(a.matches(new int[] {2, 4, 8, 16, 32}, new float[] {0.5f, 1, 2}));
    assertEquals(
        "sizes ((2, 4, 8, 16, 32),) aspect_ratios ((0.1, 0.25, 0.5, 1.0, 1.5, 2.0),)",
        a.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"malicious-zip.pth", "malicious-legacy.pth"})
  void maliciousCheckpointIsRefusedAndRunsNothing(String name) {
    Path marker = Path.of(AuthorCheckpoint.MARKER).toAbsolutePath();
    assertFalse(Files.exists(marker), "left over from an earlier run: " + marker);

    PthException e =
        assertThrows(PthException.class, () -> PthReader.read(AuthorCheckpoint.file(name)));

    assertTrue(e.getMessage().contains("refusing to call posix.system"), e.getMessage());
    assertTrue(e.getMessage().contains(name), e.getMessage());
    assertFalse(Files.exists(marker), "the pickle ran: " + marker);
  }

  @Test
  void sharedStorageOffsetsAndStridesFollowTorch() throws Exception {
    // One storage [0, 1, 2, 3, 4, 5]: a = [[0,1,2],[3,4,5]]; b = storage[1::2] = [1, 3, 5];
    // c = a.t() = [[0,3],[1,4],[2,5]], row-major 0,3,1,4,2,5.
    Path file = TinyCheckpoints.legacy(dir.resolve("views.pth"));

    PthCheckpoint c = PthReader.read(file);

    assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, c.modelWeights().get("a").floats());
    assertArrayEquals(new float[] {1, 3, 5}, c.modelWeights().get("b").floats());
    assertArrayEquals(new long[] {3, 2}, c.modelWeights().get("c").shape());
    assertArrayEquals(new float[] {0, 3, 1, 4, 2, 5}, c.modelWeights().get("c").floats());
    assertArrayEquals(new long[] {7}, c.modelWeights().get("bn.num_batches_tracked").longs());
    assertEquals("legacy", c.format());
  }
}
