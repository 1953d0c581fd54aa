package ssm.events;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * TFRecord framing of one record: {@code uint64 length}, {@code uint32 masked_crc32c(length)},
 * {@code data}, {@code uint32 masked_crc32c(data)}, all little-endian.
 */
public final class TfRecord {
  /** Bytes before the data: the length and its masked CRC. */
  public static final int HEADER_BYTES = 12;

  /** Bytes after the data: its masked CRC. */
  public static final int FOOTER_BYTES = 4;

  private TfRecord() {}

  /** The whole framed record for {@code data}, ready to be written with one call. */
  public static byte[] frame(byte[] data) {
    ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + data.length + FOOTER_BYTES);
    b.order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(data.length);
    b.putInt(Crc32c.masked(b.array(), 0, 8));
    b.put(data);
    b.putInt(Crc32c.masked(data, 0, data.length));
    return b.array();
  }

  /** The masked CRC TFRecord stores after a record's 8-byte little-endian {@code length}. */
  public static int lengthCrc(long length) {
    byte[] le = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(length).array();
    return Crc32c.masked(le, 0, 8);
  }
}
