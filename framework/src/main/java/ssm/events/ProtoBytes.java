package ssm.events;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.MessageLite;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Hand-encodes one protobuf message field by field, for messages whose generated classes are not on
 * the classpath (the HParams plugin's). Scalars at their proto3 default are omitted, as generated
 * code would; embedded messages are always written, so a oneof member is present even if empty.
 */
final class ProtoBytes {
  private final ByteString.Output buffer = ByteString.newOutput();
  private final CodedOutputStream out = CodedOutputStream.newInstance(buffer);

  ProtoBytes string(int field, String value) {
    return value.isEmpty() ? this : io(() -> out.writeString(field, value));
  }

  ProtoBytes float64(int field, double value) {
    return value == 0 ? this : io(() -> out.writeDouble(field, value));
  }

  ProtoBytes int32(int field, int value) {
    return value == 0 ? this : io(() -> out.writeInt32(field, value));
  }

  ProtoBytes enumNumber(int field, int number) {
    return number == 0 ? this : io(() -> out.writeEnum(field, number));
  }

  /** An embedded message given as its serialized bytes. */
  ProtoBytes message(int field, ByteString message) {
    return io(() -> out.writeBytes(field, message));
  }

  /** An embedded message given as a generated message. */
  ProtoBytes message(int field, MessageLite message) {
    return io(() -> out.writeMessage(field, message));
  }

  /** The serialized message. */
  ByteString build() {
    io(out::flush);
    return buffer.toByteString();
  }

  private interface Write {
    void run() throws IOException;
  }

  private ProtoBytes io(Write write) {
    try {
      write.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // cannot happen writing to memory
    }
    return this;
  }
}
