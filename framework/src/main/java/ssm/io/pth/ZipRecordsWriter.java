package ssm.io.pth;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Writes a zip archive as torch's PyTorchStreamWriter does: uncompressed records, each record's
 * data aligned to 64 bytes by padding the local header's extra field (id "FB"), a fixed 1980
 * timestamp, then the central directory. No zip64: records and the archive stay under 4 GiB.
 */
final class ZipRecordsWriter {
  private static final int ALIGNMENT = 64;
  private static final int DOS_DATE_1980_01_01 = (1 << 5) | 1;

  private record Written(byte[] name, long crc, long size, long offset) {}

  private final OutputStream out;
  private final List<Written> records = new ArrayList<>();
  private long offset;

  ZipRecordsWriter(OutputStream out) {
    this.out = out;
  }

  void record(String name, byte[] data) throws IOException {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    long headerEnd = offset + 30 + n.length + 4;
    int pad = (int) ((ALIGNMENT - headerEnd % ALIGNMENT) % ALIGNMENT);
    CRC32 crc = new CRC32();
    crc.update(data);
    checkSize(offset + 30 + n.length + 4 + pad + data.length);
    ByteBuffer h = le(30 + n.length + 4 + pad);
    h.putInt(0x04034b50)
        .putShort((short) 20)
        .putShort((short) 0)
        .putShort((short) 0)
        .putShort((short) 0)
        .putShort((short) DOS_DATE_1980_01_01)
        .putInt((int) crc.getValue())
        .putInt(data.length)
        .putInt(data.length)
        .putShort((short) n.length)
        .putShort((short) (4 + pad))
        .put(n)
        .putShort((short) 0x4246)
        .putShort((short) pad);
    out.write(h.array());
    out.write(data);
    records.add(new Written(n, crc.getValue(), data.length, offset));
    offset += h.capacity() + data.length;
  }

  /** The central directory and its end record. */
  void finish() throws IOException {
    long start = offset;
    for (Written r : records) {
      ByteBuffer c = le(46 + r.name().length);
      c.putInt(0x02014b50)
          .putShort((short) 20)
          .putShort((short) 20)
          .putShort((short) 0)
          .putShort((short) 0)
          .putShort((short) 0)
          .putShort((short) DOS_DATE_1980_01_01)
          .putInt((int) r.crc())
          .putInt((int) r.size())
          .putInt((int) r.size())
          .putShort((short) r.name().length)
          .putShort((short) 0)
          .putShort((short) 0)
          .putShort((short) 0)
          .putShort((short) 0)
          .putInt(0)
          .putInt((int) r.offset())
          .put(r.name());
      out.write(c.array());
      offset += c.capacity();
    }
    checkSize(offset);
    if (records.size() > 0xffff) {
      throw new IOException("more than 65535 records need zip64, which is not written");
    }
    ByteBuffer end = le(22);
    end.putInt(0x06054b50)
        .putShort((short) 0)
        .putShort((short) 0)
        .putShort((short) records.size())
        .putShort((short) records.size())
        .putInt((int) (offset - start))
        .putInt((int) start)
        .putShort((short) 0);
    out.write(end.array());
  }

  private static void checkSize(long bytes) throws IOException {
    if (bytes >= 0xffffffffL) {
      throw new IOException("a checkpoint over 4 GiB needs zip64, which is not written");
    }
  }

  private static ByteBuffer le(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }
}
