package ssm.io.pth;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * torch's legacy checkpoint (before torch 1.6), five pickles then raw storages: the magic number,
 * the protocol version (1001), system info (byte order, type sizes), the object (persistent ids
 * name storages by key), the list of storage keys; then, for each key in that order, its length in
 * elements (int64) and its little-endian bytes.
 */
final class LegacyContainer implements StorageSource {
  /** torch's MAGIC_NUMBER, pickled as LONG1 by the first pickle. */
  static final BigInteger MAGIC = new BigInteger("1950a86a20f9469cfc6c", 16);

  private static final long PROTOCOL_VERSION = 1001;

  private final Path file;
  private final byte[] in;
  private final Map<String, Integer> dataStart = new HashMap<>();
  private final Object root;

  private LegacyContainer(Path file, byte[] in) throws PthException {
    this.file = file;
    this.in = in;
    PersistentIds ids = new PersistentIds();
    int pos = 0;
    Unpickler.Result magic = Unpickler.read(in, pos, file + ": magic number", ids);
    Object m = magic.value();
    if (!MAGIC.equals(m instanceof Long l ? BigInteger.valueOf(l) : m)) {
      throw new PthException(file + ": wrong magic number; not a legacy torch checkpoint");
    }
    Unpickler.Result protocol = Unpickler.read(in, magic.end(), file + ": protocol", ids);
    if (!Long.valueOf(PROTOCOL_VERSION).equals(protocol.value())) {
      throw new PthException(
          file
              + ": legacy protocol "
              + Unpickler.describe(protocol.value())
              + ", expected "
              + PROTOCOL_VERSION);
    }
    Unpickler.Result sysInfo = Unpickler.read(in, protocol.end(), file + ": system info", ids);
    if (sysInfo.value() instanceof Map<?, ?> info
        && Boolean.FALSE.equals(info.get("little_endian"))) {
      throw new PthException(file + ": written on a big-endian machine; not supported");
    }
    Unpickler.Result object = Unpickler.read(in, sysInfo.end(), file + ": object", ids);
    Unpickler.Result keys = Unpickler.read(in, object.end(), file + ": storage keys", ids);
    if (!(keys.value() instanceof List<?> list)) {
      throw new PthException(file + ": storage keys are " + Unpickler.describe(keys.value()));
    }
    pos = keys.end();
    for (Object k : list) {
      StorageRef ref = k instanceof String key ? ids.get(key) : null;
      if (ref == null) {
        throw new PthException(
            file
                + ": storage key "
                + Unpickler.describe(k)
                + " is not referred to by the pickled object");
      }
      if (in.length - pos < 8) {
        throw new PthException(file + ": truncated before storage " + ref.key());
      }
      long elements = ByteBuffer.wrap(in, pos, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
      if (elements != ref.elements()) {
        throw new PthException(
            file
                + ": storage "
                + ref.key()
                + " has "
                + elements
                + " elements in the data, "
                + ref.elements()
                + " in the pickle");
      }
      pos += 8;
      if (ref.bytes() > in.length - pos) {
        throw new PthException(
            file
                + ": truncated in storage "
                + ref.key()
                + " (needs "
                + ref.bytes()
                + " bytes, "
                + (in.length - pos)
                + " left)");
      }
      dataStart.put(ref.key(), pos);
      pos += (int) ref.bytes();
    }
    this.root = object.value();
  }

  static LegacyContainer open(Path file) throws PthException {
    try {
      if (Files.size(file) > Integer.MAX_VALUE - 8) {
        throw new PthException(file + ": legacy checkpoints over 2 GiB are not supported");
      }
      return new LegacyContainer(file, Files.readAllBytes(file));
    } catch (PthException e) {
      throw e;
    } catch (IOException e) {
      throw new PthException(file + ": unreadable: " + e.getMessage(), e);
    }
  }

  Object root() {
    return root;
  }

  @Override
  public ByteBuffer bytes(StorageRef storage) throws PthException {
    Integer start = dataStart.get(storage.key());
    if (start == null) {
      throw new PthException(
          file + ": storage " + storage.key() + " is not in the file's list of storages");
    }
    return ByteBuffer.wrap(in, start, (int) storage.bytes()).slice();
  }
}
