package ssm.events;

import java.util.zip.CRC32C;

/**
 * CRC32C (Castagnoli) and the masking TFRecord applies to it, so that a CRC stored inside data that
 * is itself checksummed does not look like a valid CRC of that data.
 */
public final class Crc32c {
  /** The constant TFRecord adds after rotating the CRC right by 15 bits. */
  public static final int MASK_DELTA = 0xa282ead8;

  private Crc32c() {}

  /** The plain CRC32C of {@code length} bytes of {@code data} from {@code offset}. */
  public static int of(byte[] data, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(data, offset, length);
    return (int) crc.getValue();
  }

  /** The plain CRC32C of all of {@code data}. */
  public static int of(byte[] data) {
    return of(data, 0, data.length);
  }

  /** TFRecord's mask: rotate right by 15 bits, then add {@link #MASK_DELTA}. */
  public static int mask(int crc) {
    return ((crc >>> 15) | (crc << 17)) + MASK_DELTA;
  }

  /** The inverse of {@link #mask}. */
  public static int unmask(int masked) {
    int rotated = masked - MASK_DELTA;
    return (rotated >>> 17) | (rotated << 15);
  }

  /** The masked CRC32C of {@code length} bytes of {@code data} from {@code offset}. */
  public static int masked(byte[] data, int offset, int length) {
    return mask(of(data, offset, length));
  }
}
