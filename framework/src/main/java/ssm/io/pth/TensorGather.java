package ssm.io.pth;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Copies a tensor's elements out of its storage in row-major order, following its offset and
 * strides (a transposed view, a slice, several tensors in one storage). Every index is checked
 * against the storage before anything is allocated.
 */
final class TensorGather {
  private TensorGather() {}

  static PthTensor read(String name, TensorRef t, StorageSource source) throws PthException {
    StorageType type = t.storage().type();
    if (type != StorageType.FLOAT32 && type != StorageType.INT64) {
      throw new PthException(
          "tensor "
              + name
              + " is "
              + type
              + "; only float32 and int64 tensors are read (convert with .float() in PyTorch)");
    }
    long count = checkBounds(name, t);
    ByteBuffer data = source.bytes(t.storage()).order(ByteOrder.LITTLE_ENDIAN);
    int n = (int) count;
    int size = type.elementSize();
    float[] floats = type == StorageType.FLOAT32 ? new float[n] : null;
    long[] longs = type == StorageType.INT64 ? new long[n] : null;
    int rank = t.shape().length;
    long[] index = new long[rank];
    long at = t.offset();
    for (int i = 0; i < n; i++) {
      int byteAt = (int) (at * size);
      if (floats != null) {
        floats[i] = data.getFloat(byteAt);
      } else {
        longs[i] = data.getLong(byteAt);
      }
      // Odometer over the shape, last dimension fastest: no recursion, no index arrays.
      for (int d = rank - 1; d >= 0; d--) {
        at += t.stride()[d];
        if (++index[d] < t.shape()[d]) {
          break;
        }
        at -= t.stride()[d] * t.shape()[d];
        index[d] = 0;
      }
    }
    return new PthTensor(type, t.shape().clone(), floats, longs);
  }

  /** The element count, after checking that every element lies inside the storage. */
  private static long checkBounds(String name, TensorRef t) throws PthException {
    String what =
        "tensor "
            + name
            + " ("
            + t
            + ", offset "
            + t.offset()
            + ", stride "
            + java.util.Arrays.toString(t.stride())
            + ")";
    if (t.shape().length != t.stride().length) {
      throw new PthException(what + ": shape and stride differ in rank");
    }
    if (t.offset() < 0) {
      throw new PthException(what + ": negative storage offset");
    }
    long count = t.elements();
    long last = t.offset(); // the element the last index reaches
    for (int d = 0; d < t.shape().length; d++) {
      if (t.shape()[d] < 0 || t.stride()[d] < 0) {
        throw new PthException(what + ": negative size or stride");
      }
      if (count > 0) {
        try {
          last = Math.addExact(last, Math.multiplyExact(t.shape()[d] - 1, t.stride()[d]));
        } catch (ArithmeticException e) {
          throw new PthException(what + ": its last element overflows a long");
        }
      }
    }
    long available = t.storage().elements();
    // A state dict's tensors never broadcast (stride 0), so a tensor has at most as many elements
    // as its storage: this bounds every allocation by the file's size.
    if (count < 0 || count > available || count > Integer.MAX_VALUE - 8) {
      throw new PthException(
          what
              + ": "
              + (count < 0 ? "overflowing" : count)
              + " elements do not fit its storage of "
              + available);
    }
    if (count > 0 && last >= available) {
      throw new PthException(what + ": reaches element " + last + " of a storage of " + available);
    }
    return count;
  }
}
