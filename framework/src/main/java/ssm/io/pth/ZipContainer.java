package ssm.io.pth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * torch's zip checkpoint (the default since torch 1.6): {@code <name>/data.pkl}, the pickled
 * object, whose persistent ids name the records {@code <name>/data/<key>} holding each storage's
 * raw little-endian bytes, stored uncompressed; plus {@code <name>/version}. Each record's CRC-32
 * is checked.
 */
final class ZipContainer implements StorageSource, AutoCloseable {
  private final Path file;
  private final ZipFile zip;
  private final String prefix;
  private final long fileSize;
  private final PersistentIds ids = new PersistentIds();
  private final Map<String, byte[]> cache = new HashMap<>();

  private ZipContainer(Path file, ZipFile zip, String prefix, long fileSize) {
    this.file = file;
    this.zip = zip;
    this.prefix = prefix;
    this.fileSize = fileSize;
  }

  static ZipContainer open(Path file) throws PthException {
    ZipFile zip = null;
    try {
      long size = Files.size(file);
      zip = new ZipFile(file.toFile());
      List<String> pickles = new ArrayList<>();
      for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
        String name = e.nextElement().getName();
        if (name.endsWith("/data.pkl") && name.indexOf('/') == name.length() - 9) {
          pickles.add(name);
        }
      }
      if (pickles.size() != 1) {
        throw new PthException(
            file
                + ": a torch zip checkpoint has one <name>/data.pkl record;"
                + " this zip has "
                + pickles);
      }
      String pkl = pickles.get(0);
      return new ZipContainer(file, zip, pkl.substring(0, pkl.length() - 9), size);
    } catch (IOException | RuntimeException e) {
      closeQuietly(zip);
      throw e instanceof PthException p
          ? p
          : new PthException(file + ": not a readable zip checkpoint: " + e.getMessage(), e);
    }
  }

  /** Unpickles data.pkl. */
  Object root() throws PthException {
    byte[] pickle = record(prefix + "/data.pkl", -1);
    return Unpickler.read(pickle, 0, file + ": " + prefix + "/data.pkl", ids).value();
  }

  @Override
  public ByteBuffer bytes(StorageRef storage) throws PthException {
    byte[] b = cache.get(storage.key());
    if (b == null) {
      b = record(prefix + "/data/" + storage.key(), storage.bytes());
      cache.put(storage.key(), b);
    }
    return ByteBuffer.wrap(b);
  }

  /** The bytes of record {@code name}: stored, CRC-checked, of {@code expected} bytes if >= 0. */
  private byte[] record(String name, long expected) throws PthException {
    try {
      ZipEntry e = zip.getEntry(name);
      if (e == null) {
        throw new PthException(file + ": record " + name + " is missing");
      }
      if (e.getMethod() != ZipEntry.STORED) {
        throw new PthException(
            file + ": record " + name + " is compressed; torch stores records uncompressed");
      }
      long size = e.getSize();
      if (size < 0 || size > fileSize || (expected >= 0 && size != expected)) {
        throw new PthException(
            file
                + ": record "
                + name
                + " has "
                + size
                + " bytes; "
                + (expected >= 0 ? "its storage needs " + expected : "the file has " + fileSize));
      }
      byte[] b;
      try (InputStream in = zip.getInputStream(e)) {
        b = in.readNBytes((int) size);
      }
      if (b.length != size) {
        throw new PthException(file + ": record " + name + " is truncated");
      }
      CRC32 crc = new CRC32();
      crc.update(b);
      if (crc.getValue() != e.getCrc()) {
        throw new PthException(file + ": record " + name + " fails its CRC-32 check (corrupt)");
      }
      return b;
    } catch (PthException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new PthException(file + ": record " + name + " is unreadable: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    closeQuietly(zip);
  }

  private static void closeQuietly(ZipFile zip) {
    if (zip != null) {
      try {
        zip.close();
      } catch (IOException ignored) {
        // read-only: nothing to lose
      }
    }
  }
}
