package ssm.data;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * A minimal, fast, deterministic writer of 8-bit greyscale PNGs (IHDR, one IDAT, IEND; every row
 * with the "Sub" filter). javax.imageio's writer tries every filter on every row and is several
 * times slower; its files decode the same.
 */
public final class PngWriter {
  private static final byte[] SIGNATURE = {(byte) 137, 80, 78, 71, 13, 10, 26, 10};

  private PngWriter() {}

  /** Writes row-major {@code pixels} ({@code width x height}, unsigned bytes) to {@code file}. */
  public static void writeGrey8(Path file, byte[] pixels, int width, int height, int level)
      throws IOException {
    if (pixels.length != width * height) {
      throw new IllegalArgumentException(pixels.length + " pixels for " + width + "x" + height);
    }
    byte[] raw = new byte[height * (width + 1)];
    for (int y = 0; y < height; y++) {
      int o = y * (width + 1);
      int p = y * width;
      raw[o] = 1; // Sub: each byte minus its left neighbour
      raw[o + 1] = pixels[p];
      for (int x = 1; x < width; x++) {
        raw[o + 1 + x] = (byte) (pixels[p + x] - pixels[p + x - 1]);
      }
    }
    ByteArrayOutputStream idat = new ByteArrayOutputStream(raw.length / 2 + 64);
    Deflater deflater = new Deflater(level);
    try (DeflaterOutputStream z = new DeflaterOutputStream(idat, deflater, 1 << 16)) {
      z.write(raw);
    } finally {
      deflater.end();
    }
    ByteArrayOutputStream header = new ByteArrayOutputStream(13);
    DataOutputStream h = new DataOutputStream(header);
    h.writeInt(width);
    h.writeInt(height);
    h.writeByte(8); // bit depth
    h.writeByte(0); // colour type: greyscale
    h.writeByte(0); // deflate
    h.writeByte(0); // adaptive filtering (per-row filter bytes)
    h.writeByte(0); // no interlace
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (OutputStream os = Files.newOutputStream(file);
        DataOutputStream out =
            new DataOutputStream(new java.io.BufferedOutputStream(os, 1 << 16))) {
      out.write(SIGNATURE);
      chunk(out, "IHDR", header.toByteArray());
      chunk(out, "IDAT", idat.toByteArray());
      chunk(out, "IEND", new byte[0]);
    }
  }

  private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    out.writeInt(data.length);
    out.write(t);
    out.write(data);
    out.writeInt((int) crc.getValue());
  }
}
