package ssm.events;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Crc32cTest {
  @Test
  void crc32cMatchesPublishedCheckValues() {
    // The CRC-32C "check" value (CRC of the ASCII digits 1..9) and RFC 3720 B.4's 32 zero bytes.
    assertEquals(0xE3069283, Crc32c.of("123456789".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(0x8A9136AA, Crc32c.of(new byte[32]));
  }

  @Test
  void maskRotatesRightBy15AndAddsTheDelta() {
    // By hand: 0xE3069283 rotated right by 15 is 0x2507C60D (low 15 bits 0x1283 move to the top);
    // 0x2507C60D + 0xA282EAD8 = 0xC78AB0E5 (C60D + EAD8 = 1B0E5, carry 1; 2507 + A282 + 1 = C78A).
    assertEquals(0x2507C60D, Integer.rotateRight(0xE3069283, 15));
    assertEquals(0xC78AB0E5, Crc32c.mask(0xE3069283));
    // The CRC of no bytes is 0, so its mask is the delta itself.
    assertEquals(0xA282EAD8, Crc32c.masked(new byte[0], 0, 0));
    assertEquals(0xE3069283, Crc32c.unmask(Crc32c.mask(0xE3069283)));
  }

  @Test
  void lengthFieldOfTheFileVersionEventMatchesEveryTensorFlowEventFile() {
    // The first event (double wall_time + "brain.Event:2") is 9 + 15 = 24 bytes, so every event
    // file starts 18 00 00 00 00 00 00 00 a3 7f 4b 22: the masked CRC of that length is 0x224b7fa3.
    assertEquals(0x224B7FA3, TfRecord.lengthCrc(24));
    assertEquals(0x07980329, TfRecord.lengthCrc(0)); // CRC32C of 8 zero bytes is 0x8C28B28A
  }

  @Test
  void framingIsByteIdenticalToTensorFlowsOwnWriter(@TempDir Path dir) throws Exception {
    byte[][] payloads = {
      new byte[0],
      "a".getBytes(StandardCharsets.UTF_8),
      new byte[] {0, -1, 42, 7, -128, 127},
      new byte[70_000]
    };
    Path tfFile = dir.resolve("by-tensorflow.tfrecord");
    TensorFlowRecords.write(tfFile, payloads);
    java.io.ByteArrayOutputStream ours = new java.io.ByteArrayOutputStream();
    for (byte[] p : payloads) {
      ours.write(TfRecord.frame(p));
    }
    assertArrayEquals(Files.readAllBytes(tfFile), ours.toByteArray());
  }
}
