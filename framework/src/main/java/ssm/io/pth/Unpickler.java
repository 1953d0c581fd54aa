package ssm.io.pth;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A restricted pickle interpreter: it reads the opcodes a PyTorch state dict is written with
 * (protocol 2, and the binary opcodes of protocols 3-4) into plain Java values and never runs
 * anything. GLOBAL only records a name ({@link PyGlobal}); calling one (REDUCE) does something only
 * for the names {@link StateDictGlobals} allows and is refused, naming the global, for any other;
 * NEWOBJ of another class makes an inert {@link PyObject}.
 *
 * <p>Values: str {@code String}, int {@code Long} (or {@code BigInteger}), float {@code Double},
 * bool {@code Boolean}, None {@link PyNone#NONE}, bytes {@code byte[]}, list and set {@code
 * ArrayList}, dict {@code LinkedHashMap}, tuple {@link PyTuple}.
 *
 * <p>Bounds: each opcode consumes at least one byte and every length is checked against the bytes
 * left, so time and memory are linear in the pickle's size; MARKs nest at most {@value
 * #MAX_NESTING} deep; no method recurses into the object graph.
 */
final class Unpickler {
  /** The deepest MARK nesting accepted (a torch checkpoint nests about 6 deep). */
  static final int MAX_NESTING = 1000;

  /** Resolves BINPERSID: torch's persistent ids name storages. */
  interface PersistentLoader {
    Object load(Object pid, String where) throws PthException;
  }

  /** The value of one pickle and the offset just after its STOP. */
  record Result(Object value, int end) {}

  private final byte[] in;
  private final String source;
  private final PersistentLoader persistent;
  private int pos;
  private int opStart;
  private final ArrayList<Object> stack = new ArrayList<>();
  private final ArrayList<Integer> marks = new ArrayList<>();
  private final Map<Long, Object> memo = new HashMap<>();

  private Unpickler(byte[] in, int start, String source, PersistentLoader persistent) {
    this.in = in;
    this.pos = start;
    this.source = source;
    this.persistent = persistent;
  }

  /**
   * Reads one pickle from {@code in} starting at {@code start}.
   *
   * @param source what the pickle is, for messages (e.g. {@code model.pth, data.pkl})
   */
  static Result read(byte[] in, int start, String source, PersistentLoader persistent)
      throws PthException {
    Unpickler u = new Unpickler(in, start, source, persistent);
    Object value = u.run();
    return new Result(value, u.pos);
  }

  private Object run() throws PthException {
    while (true) {
      opStart = pos;
      int op = u1();
      switch (op) {
        case 0x80 -> { // PROTO
          int protocol = u1();
          if (protocol > 5) {
            throw error("pickle protocol " + protocol + " is newer than any torch writes");
          }
        }
        case 0x95 -> skip(8); // FRAME: a length hint only
        case '.' -> { // STOP
          Object value = pop();
          if (!stack.isEmpty() || !marks.isEmpty()) {
            throw error("STOP with " + stack.size() + " values left on the stack");
          }
          return value;
        }
        case '(' -> {
          if (marks.size() >= MAX_NESTING) {
            throw error("nested deeper than " + MAX_NESTING + " levels");
          }
          marks.add(stack.size());
        }
        case '0' -> pop(); // POP
        case '1' -> popMark(); // POP_MARK
        case '2' -> push(peek()); // DUP
        case 'N' -> push(PyNone.NONE);
        case 0x88 -> push(Boolean.TRUE);
        case 0x89 -> push(Boolean.FALSE);
        case 'J' -> push((long) i4()); // BININT: signed
        case 'K' -> push((long) u1());
        case 'M' -> push((long) u2());
        case 0x8a -> push(longOf(bytes(u1()))); // LONG1
        case 0x8b -> push(longOf(bytes(length(i4())))); // LONG4
        case 'G' -> push(Double.longBitsToDouble(bigEndianLong())); // BINFLOAT
        case 'X' -> push(utf8(length(i4()))); // BINUNICODE
        case 0x8c -> push(utf8(u1())); // SHORT_BINUNICODE
        case 0x8d -> push(utf8(length(i8()))); // BINUNICODE8
        case 'T' -> push(latin1(length(i4()))); // BINSTRING
        case 'U' -> push(latin1(u1())); // SHORT_BINSTRING
        case 'B' -> push(bytes(length(i4()))); // BINBYTES
        case 'C' -> push(bytes(u1())); // SHORT_BINBYTES
        case ')' -> push(new PyTuple(List.of()));
        case 't' -> push(new PyTuple(popMark()));
        case 0x85 -> push(tupleOfLast(1));
        case 0x86 -> push(tupleOfLast(2));
        case 0x87 -> push(tupleOfLast(3));
        case ']' -> push(new ArrayList<>());
        case 'l' -> push(new ArrayList<>(popMark())); // LIST
        case 'a' -> { // APPEND
          Object item = pop();
          list(peek(), "APPEND").add(item);
        }
        case 'e' -> { // APPENDS
          List<Object> items = popMark();
          list(peek(), "APPENDS").addAll(items);
        }
        case 0x8f -> push(new ArrayList<>()); // EMPTY_SET: order does not matter here
        case 0x90 -> { // ADDITEMS
          List<Object> items = popMark();
          list(peek(), "ADDITEMS").addAll(items);
        }
        case 0x91 -> push(new ArrayList<>(popMark())); // FROZENSET
        case '}' -> push(new LinkedHashMap<>());
        case 'd' -> { // DICT
          Map<Object, Object> d = new LinkedHashMap<>();
          putPairs(d, popMark());
          push(d);
        }
        case 's' -> { // SETITEM
          Object value = pop();
          Object key = pop();
          dict(peek(), "SETITEM").put(key, value);
        }
        case 'u' -> { // SETITEMS
          List<Object> items = popMark();
          putPairs(dict(peek(), "SETITEMS"), items);
        }
        case 'q' -> memo.put((long) u1(), peek()); // BINPUT
        case 'r' -> memo.put(u4(), peek()); // LONG_BINPUT
        case 0x94 -> memo.put((long) memo.size(), peek()); // MEMOIZE
        case 'h' -> push(memoGet(u1())); // BINGET
        case 'j' -> push(memoGet(u4())); // LONG_BINGET
        case 'c' -> push(new PyGlobal(line(), line())); // GLOBAL: a name, nothing imported
        case 0x93 -> { // STACK_GLOBAL
          Object name = pop();
          Object module = pop();
          if (!(module instanceof String m) || !(name instanceof String n)) {
            throw error("STACK_GLOBAL needs two strings");
          }
          push(new PyGlobal(m, n));
        }
        case 'R' -> { // REDUCE: a call
          PyTuple args = tuple(pop(), "REDUCE arguments");
          push(StateDictGlobals.call(callable(pop()), args, this::error));
        }
        case 0x81 -> { // NEWOBJ: cls.__new__(cls, *args)
          PyTuple args = tuple(pop(), "NEWOBJ arguments");
          push(StateDictGlobals.newObject(callable(pop()), args));
        }
        case 0x92 -> { // NEWOBJ_EX: as NEWOBJ, keyword arguments kept out of the record
          pop();
          PyTuple args = tuple(pop(), "NEWOBJ_EX arguments");
          push(StateDictGlobals.newObject(callable(pop()), args));
        }
        case 'b' -> build(pop(), peek());
        case 'Q' -> { // BINPERSID
          Object pid = pop();
          push(persistent.load(pid, where()));
        }
        case 'i' -> throw refusedCall(new PyGlobal(line(), line())); // INST: calls a class
        case 'o' -> { // OBJ: calls the class below the arguments
          List<Object> items = popMark();
          throw items.isEmpty()
              ? error("OBJ without a class")
              : refusedCall(callable(items.get(0)));
        }
        default ->
            throw error(
                String.format(
                        "unsupported pickle opcode 0x%02x%s",
                        op, op >= 0x20 && op < 0x7f ? " ('" + (char) op + "')" : "")
                    + " (torch writes protocol 2)");
      }
    }
  }

  private void build(Object state, Object target) throws PthException {
    if (target instanceof PyObject o) {
      o.build(state);
    } else if (target instanceof Map) {
      // An OrderedDict's attributes, e.g. a state dict's _metadata (layer versions): not needed.
    } else {
      throw error("BUILD on " + describe(target));
    }
  }

  private PyGlobal callable(Object o) throws PthException {
    if (o instanceof PyGlobal g) {
      return g;
    }
    throw error("the pickle calls " + describe(o) + ", which is not callable");
  }

  PthException refusedCall(PyGlobal g) {
    return StateDictGlobals.refused(g, this::error);
  }

  PthException error(String message) {
    return new PthException(where() + ": " + message);
  }

  private String where() {
    return source + " byte " + opStart;
  }

  static String describe(Object o) {
    if (o instanceof String s) {
      return "str '" + (s.length() > 40 ? s.substring(0, 40) + "...'" : s + "'");
    }
    if (o instanceof List<?> l) {
      return "list of " + l.size();
    }
    if (o instanceof Map<?, ?> m) {
      return "dict of " + m.size();
    }
    return o instanceof PyTuple
            || o instanceof PyObject
            || o instanceof PyGlobal
            || o instanceof TensorRef
            || o instanceof Number
            || o instanceof Boolean
            || o == PyNone.NONE
        ? o.toString()
        : o.getClass().getSimpleName();
  }

  // --- stack, mark and memo ---

  private void push(Object o) {
    stack.add(o);
  }

  private Object pop() throws PthException {
    int floor = marks.isEmpty() ? 0 : marks.get(marks.size() - 1);
    if (stack.size() <= floor) {
      throw error("stack underflow");
    }
    return stack.remove(stack.size() - 1);
  }

  private Object peek() throws PthException {
    int floor = marks.isEmpty() ? 0 : marks.get(marks.size() - 1);
    if (stack.size() <= floor) {
      throw error("stack underflow");
    }
    return stack.get(stack.size() - 1);
  }

  private List<Object> popMark() throws PthException {
    if (marks.isEmpty()) {
      throw error("no MARK to pop to");
    }
    int mark = marks.remove(marks.size() - 1);
    List<Object> top = stack.subList(mark, stack.size());
    List<Object> items = new ArrayList<>(top);
    top.clear();
    return items;
  }

  private PyTuple tupleOfLast(int n) throws PthException {
    Object[] items = new Object[n];
    for (int i = n - 1; i >= 0; i--) {
      items[i] = pop();
    }
    return new PyTuple(List.of(items));
  }

  private Object memoGet(long key) throws PthException {
    Object o = memo.get(key);
    if (o == null) {
      throw error("memo key " + key + " was never stored");
    }
    return o;
  }

  private void putPairs(Map<Object, Object> d, List<Object> items) throws PthException {
    if (items.size() % 2 != 0) {
      throw error("odd number of dict items (" + items.size() + ")");
    }
    for (int i = 0; i < items.size(); i += 2) {
      d.put(items.get(i), items.get(i + 1));
    }
  }

  @SuppressWarnings("unchecked")
  private List<Object> list(Object o, String op) throws PthException {
    if (o instanceof ArrayList<?> l) {
      return (List<Object>) l;
    }
    throw error(op + " on " + describe(o));
  }

  @SuppressWarnings("unchecked")
  private Map<Object, Object> dict(Object o, String op) throws PthException {
    if (o instanceof LinkedHashMap<?, ?> m) {
      return (Map<Object, Object>) m;
    }
    throw error(op + " on " + describe(o));
  }

  private PyTuple tuple(Object o, String what) throws PthException {
    if (o instanceof PyTuple t) {
      return t;
    }
    throw error(what + " are " + describe(o) + ", not a tuple");
  }

  // --- bytes ---

  private void need(long n) throws PthException {
    if (n < 0 || n > in.length - pos) {
      throw error("truncated: needs " + n + " more bytes, " + (in.length - pos) + " left");
    }
  }

  private int u1() throws PthException {
    need(1);
    return in[pos++] & 0xff;
  }

  private int u2() throws PthException {
    need(2);
    int v = (in[pos] & 0xff) | (in[pos + 1] & 0xff) << 8;
    pos += 2;
    return v;
  }

  private int i4() throws PthException {
    need(4);
    int v =
        (in[pos] & 0xff)
            | (in[pos + 1] & 0xff) << 8
            | (in[pos + 2] & 0xff) << 16
            | (in[pos + 3] & 0xff) << 24;
    pos += 4;
    return v;
  }

  private long u4() throws PthException {
    return i4() & 0xffffffffL;
  }

  private long i8() throws PthException {
    long lo = u4();
    long hi = u4();
    return lo | hi << 32;
  }

  private long bigEndianLong() throws PthException {
    need(8);
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = v << 8 | (in[pos + i] & 0xff);
    }
    pos += 8;
    return v;
  }

  private int length(long n) throws PthException {
    need(n); // also rejects negative lengths
    return (int) n;
  }

  private void skip(int n) throws PthException {
    need(n);
    pos += n;
  }

  private byte[] bytes(int n) throws PthException {
    need(n);
    byte[] b = java.util.Arrays.copyOfRange(in, pos, pos + n);
    pos += n;
    return b;
  }

  private String utf8(int n) throws PthException {
    need(n);
    String s = new String(in, pos, n, StandardCharsets.UTF_8);
    pos += n;
    return s;
  }

  private String latin1(int n) throws PthException {
    need(n);
    String s = new String(in, pos, n, StandardCharsets.ISO_8859_1);
    pos += n;
    return s;
  }

  /** A newline-terminated ASCII line (GLOBAL's module and name), at most 256 bytes. */
  private String line() throws PthException {
    int limit = Math.min(in.length, pos + 257);
    for (int i = pos; i < limit; i++) {
      if (in[i] == '\n') {
        String s = new String(in, pos, i - pos, StandardCharsets.US_ASCII);
        pos = i + 1;
        return s;
      }
    }
    throw error("GLOBAL name not terminated within 256 bytes");
  }

  /** Little-endian two's complement, as LONG1 and LONG4 store it. */
  private static Object longOf(byte[] le) {
    if (le.length == 0) {
      return 0L;
    }
    byte[] be = new byte[le.length];
    for (int i = 0; i < le.length; i++) {
      be[i] = le[le.length - 1 - i];
    }
    BigInteger v = new BigInteger(be);
    return v.bitLength() < 64 ? (Object) v.longValue() : v;
  }
}
