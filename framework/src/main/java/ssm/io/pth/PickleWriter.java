package ssm.io.pth;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Emits pickle protocol 2 opcodes, as Python's pickler writes them for a torch checkpoint (no memo:
 * every value is written where it is used).
 */
final class PickleWriter {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  PickleWriter proto() {
    return op(0x80).op(2);
  }

  PickleWriter stop() {
    return op('.');
  }

  PickleWriter mark() {
    return op('(');
  }

  PickleWriter emptyDict() {
    return op('}');
  }

  PickleWriter emptyList() {
    return op(']');
  }

  PickleWriter emptyTuple() {
    return op(')');
  }

  /** TUPLE: the items since the last MARK. */
  PickleWriter tuple() {
    return op('t');
  }

  /** TUPLE1: the one item on top. */
  PickleWriter tuple1() {
    return op(0x85);
  }

  PickleWriter setItems() {
    return op('u');
  }

  PickleWriter appends() {
    return op('e');
  }

  PickleWriter reduce() {
    return op('R');
  }

  PickleWriter newObj() {
    return op(0x81);
  }

  PickleWriter build() {
    return op('b');
  }

  PickleWriter binPersId() {
    return op('Q');
  }

  PickleWriter none() {
    return op('N');
  }

  PickleWriter bool(boolean v) {
    return op(v ? 0x88 : 0x89);
  }

  PickleWriter global(String module, String name) {
    op('c');
    byte[] line = (module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII);
    out.write(line, 0, line.length);
    return this;
  }

  PickleWriter string(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    op('X').le(b.length, 4);
    out.write(b, 0, b.length);
    return this;
  }

  /** The shortest of BININT1, BININT2, BININT and LONG1, as Python picks. */
  PickleWriter integer(long v) {
    if (v >= 0 && v < 0x100) {
      return op('K').le(v, 1);
    }
    if (v >= 0 && v < 0x10000) {
      return op('M').le(v, 2);
    }
    if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
      return op('J').le(v, 4);
    }
    return op(0x8a).op(8).le(v, 8);
  }

  /** LONG1: any integer, little-endian two's complement. */
  PickleWriter integer(java.math.BigInteger v) {
    byte[] be = v.toByteArray();
    op(0x8a).op(be.length);
    for (int i = be.length - 1; i >= 0; i--) {
      out.write(be[i]);
    }
    return this;
  }

  PickleWriter real(double v) {
    op('G');
    long bits = Double.doubleToLongBits(v);
    for (int i = 7; i >= 0; i--) {
      out.write((int) (bits >>> (8 * i)) & 0xff); // BINFLOAT is big-endian
    }
    return this;
  }

  /** A tuple of ints: EMPTY_TUPLE, TUPLE1-3 or MARK ... TUPLE. */
  PickleWriter intTuple(long[] values) {
    if (values.length == 0) {
      return emptyTuple();
    }
    if (values.length > 3) {
      mark();
    }
    for (long v : values) {
      integer(v);
    }
    return values.length > 3 ? tuple() : op(0x84 + values.length);
  }

  byte[] bytes() {
    return out.toByteArray();
  }

  private PickleWriter op(int code) {
    out.write(code);
    return this;
  }

  private PickleWriter le(long v, int bytes) {
    for (int i = 0; i < bytes; i++) {
      out.write((int) (v >>> (8 * i)) & 0xff);
    }
    return this;
  }
}
