package ssm.events;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads TFRecord records one by one, checking both masked CRCs of each. A final record cut short (a
 * writer killed mid-write, or a file still being written) ends the stream cleanly and sets {@link
 * #truncated()}; a CRC mismatch is corruption and throws {@link CorruptRecordException}.
 */
public final class TfRecordReader implements AutoCloseable {
  /** A record whose length or data does not match its stored CRC. */
  public static final class CorruptRecordException extends IOException {
    private static final long serialVersionUID = 1L;

    CorruptRecordException(String message) {
      super(message);
    }
  }

  /** Lengths above this are treated as corruption rather than allocated. */
  private static final long MAX_RECORD_BYTES = Integer.MAX_VALUE - 64;

  private final InputStream in;
  private long offset;
  private boolean truncated;

  /** A reader over {@code in}, which it closes. */
  public TfRecordReader(InputStream in) {
    this.in = in instanceof BufferedInputStream ? in : new BufferedInputStream(in, 1 << 16);
  }

  /** A reader over the file at {@code path}. */
  public static TfRecordReader open(Path path) throws IOException {
    return new TfRecordReader(Files.newInputStream(path));
  }

  /**
   * The next record's data, or {@code null} at the end of the stream (clean, or a truncated final
   * record: see {@link #truncated()}).
   */
  public byte[] next() throws IOException {
    if (truncated) {
      return null;
    }
    long start = offset;
    byte[] header = new byte[TfRecord.HEADER_BYTES];
    int got = readFully(header);
    if (got == 0) {
      return null;
    }
    if (got < header.length) {
      return truncatedAt(start);
    }
    ByteBuffer h = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
    long length = h.getLong();
    int lengthCrc = h.getInt();
    if (Crc32c.masked(header, 0, 8) != lengthCrc) {
      throw new CorruptRecordException("length CRC mismatch in record at byte " + start);
    }
    if (length < 0 || length > MAX_RECORD_BYTES) {
      throw new CorruptRecordException("record at byte " + start + " has length " + length);
    }
    byte[] data = new byte[(int) length];
    byte[] footer = new byte[TfRecord.FOOTER_BYTES];
    if (readFully(data) < data.length || readFully(footer) < footer.length) {
      return truncatedAt(start);
    }
    int dataCrc = ByteBuffer.wrap(footer).order(ByteOrder.LITTLE_ENDIAN).getInt();
    if (Crc32c.masked(data, 0, data.length) != dataCrc) {
      throw new CorruptRecordException("data CRC mismatch in record at byte " + start);
    }
    return data;
  }

  /** Whether the stream ended inside a record (everything before it was returned). */
  public boolean truncated() {
    return truncated;
  }

  /** Bytes consumed so far; after a clean end, the offset where a next record would start. */
  public long offset() {
    return offset;
  }

  private byte[] truncatedAt(long start) {
    truncated = true;
    offset = start;
    return null;
  }

  private int readFully(byte[] buffer) throws IOException {
    int n = in.readNBytes(buffer, 0, buffer.length);
    offset += n;
    return n;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
