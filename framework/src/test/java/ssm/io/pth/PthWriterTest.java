package ssm.io.pth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssm.io.Safetensors;
import ssm.testing.ReferenceFixture;

/** Java write, Java read: the author's layout round trip. */
class PthWriterTest {
  @TempDir Path dir;

  @Test
  void parityWeightsRoundTripBitEqual() throws Exception {
    Map<String, Safetensors.Entry> reference = Safetensors.read(ReferenceFixture.weights());
    Map<String, PthTensor> weights = new LinkedHashMap<>();
    reference.forEach((n, e) -> weights.put(n, PthTensor.of(e.shape(), e.data())));
    CheckpointAnchors anchors =
        CheckpointAnchors.oneLevel(
            new int[] {2, 4, 8, 16, 32}, new float[] {0.1f, 0.25f, 0.5f, 1, 1.5f, 2});
    Path file = dir.resolve("ours.pth");

    PthWriter.write(file, PthWriter.withBatchNormCounters(weights), anchors, "12", 3e-5);
    PthCheckpoint c = PthReader.read(file);

    assertEquals("zip", c.format());
    assertEquals("12", c.epoch().orElseThrow());
    assertEquals(3e-5, c.lrate().orElseThrow(), 0);
    assertEquals(anchors, c.anchors().orElseThrow());
    // 113 float tensors + one num_batches_tracked per BatchNorm (one per running_var), in order.
    long batchNorms = reference.keySet().stream().filter(n -> n.endsWith(".running_var")).count();
    assertEquals(113 + batchNorms, c.modelWeights().size());
    List<String> names = List.copyOf(c.modelWeights().keySet());
    int bn1 = names.indexOf("backbone.body.bn1.running_var");
    assertEquals("backbone.body.bn1.num_batches_tracked", names.get(bn1 + 1));
    assertArrayEquals(new long[] {0}, c.modelWeights().get(names.get(bn1 + 1)).longs());
    for (Map.Entry<String, Safetensors.Entry> e : reference.entrySet()) {
      PthTensor t = c.modelWeights().get(e.getKey());
      assertArrayEquals(e.getValue().shape(), t.shape(), e.getKey());
      float[] ref = e.getValue().data();
      for (int i = 0; i < ref.length; i++) {
        assertEquals(
            Float.floatToRawIntBits(ref[i]), Float.floatToRawIntBits(t.floats()[i]), e.getKey());
      }
    }
  }

  @Test
  void recordsAreStoredAlignedAndNamedAsTorchNamesThem() throws Exception {
    Path file = TinyCheckpoints.zip(dir.resolve("tiny.pth"));

    try (ZipFile zip = new ZipFile(file.toFile())) {
      // data.pkl, byteorder, 4 storages (3 floats, 1 counter), version.
      assertEquals(
          List.of(
              "archive/data.pkl",
              "archive/byteorder",
              "archive/data/0",
              "archive/data/1",
              "archive/data/2",
              "archive/data/3",
              "archive/version"),
          zip.stream().map(e -> e.getName()).toList());
      assertEquals(
          "3\n", new String(zip.getInputStream(zip.getEntry("archive/version")).readAllBytes()));
      assertTrue(zip.stream().allMatch(e -> e.getMethod() == java.util.zip.ZipEntry.STORED));
    }
    // Each record's data starts at a multiple of 64 (torch's alignment): the 4 floats of
    // conv.weight [1, -2, 3.5, 0] are found at such an offset.
    byte[] bytes = Files.readAllBytes(file);
    java.nio.ByteBuffer le =
        java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    boolean found = false;
    for (int at = 0; at + 16 <= bytes.length; at += 64) {
      found |= le.getFloat(at) == 1 && le.getFloat(at + 4) == -2 && le.getFloat(at + 8) == 3.5f;
    }
    assertTrue(found, "conv.weight's data is not 64-byte aligned");
  }

  @Test
  void failedWriteLeavesNothing() throws Exception {
    Map<String, PthTensor> w = Map.of("x", PthTensor.of(new long[] {1}, new float[] {1}));
    Path blocked = Files.createDirectory(dir.resolve("out.pth")); // a folder where the file goes

    org.junit.jupiter.api.Assertions.assertThrows(
        java.io.IOException.class,
        () ->
            PthWriter.write(
                blocked, w, CheckpointAnchors.oneLevel(new int[] {2}, new float[] {1}), "0", 0));

    try (var files = Files.list(dir)) {
      assertEquals(List.of(blocked), files.toList()); // no temporary file left
    }
    assertFalse(Files.isRegularFile(blocked));
  }
}
