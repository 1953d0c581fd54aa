package ssm.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads and writes safetensors files of float32 tensors: an 8-byte little-endian header length, a
 * JSON header {name: {dtype, shape, data_offsets}} (plus {@code __metadata__}), then raw
 * little-endian data. Writes are atomic (temporary file, then rename).
 */
public final class Safetensors {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Safetensors() {}

  /** A named float32 tensor in row-major order. */
  public record Entry(long[] shape, float[] data) {}

  /**
   * Reads every tensor of {@code file}. Non-F32 tensors are rejected except int64 counters called
   * {@code *num_batches_tracked}, which PyTorch exports and this project does not use.
   */
  public static Map<String, Entry> read(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer len = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
      readFully(ch, len, file);
      long headerLength = len.flip().getLong();
      if (headerLength <= 0 || headerLength > 100_000_000L || headerLength + 8 > ch.size()) {
        throw new IOException(
            file
                + ": not a safetensors file (header length "
                + headerLength
                + ", file size "
                + ch.size()
                + ")");
      }
      ByteBuffer header = ByteBuffer.allocate((int) headerLength);
      readFully(ch, header, file);
      JsonNode root;
      try {
        root = JSON.readTree(new String(header.array(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new IOException(file + ": unreadable safetensors header: " + e.getMessage(), e);
      }
      long dataStart = 8 + headerLength;
      Map<String, Entry> out = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String name = e.getKey();
        if (name.equals("__metadata__")) {
          continue;
        }
        JsonNode t = e.getValue();
        String dtype = t.path("dtype").asText();
        if (name.endsWith("num_batches_tracked")) {
          continue;
        }
        if (!dtype.equals("F32")) {
          throw new IOException(
              file
                  + ": tensor "
                  + name
                  + " has dtype "
                  + dtype
                  + "; only F32 is supported (convert with tensor.float())");
        }
        long[] shape = new long[t.path("shape").size()];
        long count = 1;
        for (int i = 0; i < shape.length; i++) {
          shape[i] = t.path("shape").get(i).asLong();
          count *= shape[i];
        }
        long begin = t.path("data_offsets").get(0).asLong();
        long end = t.path("data_offsets").get(1).asLong();
        if (end - begin != count * 4 || dataStart + end > ch.size()) {
          throw new IOException(
              file
                  + ": tensor "
                  + name
                  + " has offsets ["
                  + begin
                  + ", "
                  + end
                  + ") that do not fit its shape or the file");
        }
        ByteBuffer data = ByteBuffer.allocate((int) (end - begin)).order(ByteOrder.LITTLE_ENDIAN);
        ch.position(dataStart + begin);
        readFully(ch, data, file);
        float[] values = new float[(int) count];
        data.flip().asFloatBuffer().get(values);
        out.put(name, new Entry(shape, values));
      }
      return out;
    }
  }

  /** Writes {@code tensors} (in map order) to {@code file} atomically. */
  public static void write(Path file, Map<String, Entry> tensors, Map<String, String> metadata)
      throws IOException {
    ObjectNode header = JSON.createObjectNode();
    if (!metadata.isEmpty()) {
      ObjectNode meta = header.putObject("__metadata__");
      metadata.forEach(meta::put);
    }
    long offset = 0;
    for (Map.Entry<String, Entry> e : tensors.entrySet()) {
      ObjectNode t = header.putObject(e.getKey());
      t.put("dtype", "F32");
      var shape = t.putArray("shape");
      for (long d : e.getValue().shape()) {
        shape.add(d);
      }
      long bytes = 4L * e.getValue().data().length;
      t.putArray("data_offsets").add(offset).add(offset + bytes);
      offset += bytes;
    }
    byte[] json = JSON.writeValueAsBytes(header);
    int padded = (json.length + 7) / 8 * 8;
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(tmp)) {
        ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        head.putLong(padded).put(json);
        while (head.hasRemaining()) {
          head.put((byte) ' ');
        }
        out.write(head.array());
        for (Entry e : tensors.values()) {
          ByteBuffer data = ByteBuffer.allocate(4 * e.data().length).order(ByteOrder.LITTLE_ENDIAN);
          data.asFloatBuffer().put(e.data());
          out.write(data.array());
        }
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static void readFully(FileChannel ch, ByteBuffer buf, Path file) throws IOException {
    while (buf.hasRemaining()) {
      if (ch.read(buf) < 0) {
        throw new IOException(file + ": truncated safetensors file");
      }
    }
  }
}
