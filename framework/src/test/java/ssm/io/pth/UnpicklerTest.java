package ssm.io.pth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The restricted interpreter on hand-written pickles. */
class UnpicklerTest {
  private static Object read(byte[] pickle) throws PthException {
    return Unpickler.read(pickle, 0, "test.pkl", new PersistentIds()).value();
  }

  @ParameterizedTest
  @CsvSource({
    "builtins, eval",
    "os, system",
    "subprocess, Popen",
    "torch, load",
    "models.ssm.rpn, AnchorGenerator"
  })
  void callingAGlobalOutsideTheAllowlistIsRefusedByName(String module, String name) {
    byte[] pickle =
        new PickleWriter()
            .proto()
            .global(module, name)
            .mark()
            .string("id")
            .tuple()
            .reduce()
            .stop()
            .bytes();

    PthException e = assertThrows(PthException.class, () -> read(pickle));

    assertTrue(e.getMessage().startsWith("test.pkl byte "), e.getMessage());
    assertTrue(e.getMessage().contains("refusing to call " + module + "." + name), e.getMessage());
  }

  @Test
  void newObjOfAnotherClassIsAnInertRecordOfItsState() throws Exception {
    byte[] pickle =
        new PickleWriter()
            .proto()
            .global("models.ssm.rpn", "AnchorGenerator")
            .emptyTuple()
            .newObj()
            .emptyDict()
            .mark()
            .string("sizes")
            .intTuple(new long[] {2, 4})
            .setItems()
            .build()
            .stop()
            .bytes();

    PyObject o = assertInstanceOf(PyObject.class, read(pickle));

    assertEquals("models.ssm.rpn.AnchorGenerator", o.type().toString());
    Map<?, ?> state = assertInstanceOf(Map.class, o.state());
    assertEquals(java.util.List.of(2L, 4L), ((PyTuple) state.get("sizes")).items());
  }

  @Test
  void deepNestingIsAnError() {
    byte[] marks = new byte[Unpickler.MAX_NESTING + 3];
    Arrays.fill(marks, (byte) '(');
    marks[0] = (byte) 0x80;
    marks[1] = 2;

    PthException e = assertThrows(PthException.class, () -> read(marks));

    assertTrue(e.getMessage().contains("nested deeper than 1000 levels"), e.getMessage());
  }

  @Test
  void anAbsurdLengthIsTruncationNotAnAllocation() {
    // BINUNICODE claiming 2^31 - 1 bytes in a 7-byte pickle.
    byte[] pickle = {(byte) 0x80, 2, 'X', (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f};

    PthException e = assertThrows(PthException.class, () -> read(pickle));

    assertTrue(
        e.getMessage().contains("truncated: needs 2147483647 more bytes, 0 left"), e.getMessage());
  }

  @Test
  void aTensorReachingPastItsStorageIsAnError() throws Exception {
    // 4 elements from offset 3 of a 6-element storage: elements 3..6, one past the end.
    StorageRef s = new StorageRef(StorageType.FLOAT32, "0", 6);
    TensorRef t = new TensorRef(s, 3, new long[] {4}, new long[] {1});

    PthException e =
        assertThrows(
            PthException.class,
            () -> TensorGather.read("w", t, ref -> java.nio.ByteBuffer.allocate(24)));

    assertTrue(e.getMessage().contains("reaches element 6 of a storage of 6"), e.getMessage());
  }

  @Test
  void integersFloatsAndStringsDecodeAsPythonWritesThem() throws Exception {
    byte[] pickle =
        new PickleWriter()
            .proto()
            .mark()
            .integer(-5)
            .integer(300)
            .integer(1L << 40)
            .real(1e-5)
            .string("é")
            .bool(true)
            .none()
            .tuple()
            .stop()
            .bytes();

    PyTuple t = assertInstanceOf(PyTuple.class, read(pickle));

    assertEquals(java.util.List.of(-5L, 300L, 1L << 40, 1e-5, "é", true, PyNone.NONE), t.items());
  }
}
