package ssm.io.pth;

/**
 * A tensor as {@code torch._utils._rebuild_tensor_v2} describes it: a view of a storage, from
 * {@code offset} (in elements) with {@code shape} and {@code stride} (in elements). Several tensors
 * may view one storage.
 */
public record TensorRef(StorageRef storage, long offset, long[] shape, long[] stride) {
  /** The number of elements, or -1 when it overflows a long. */
  public long elements() {
    long n = 1;
    for (long d : shape) {
      try {
        n = Math.multiplyExact(n, d);
      } catch (ArithmeticException e) {
        return -1;
      }
    }
    return n;
  }

  @Override
  public String toString() {
    return storage.type() + " tensor " + java.util.Arrays.toString(shape);
  }
}
