package ssm.io.pth;

import java.util.Arrays;

/**
 * A tensor read from or written to a checkpoint, row-major (contiguous): float32 values in {@code
 * floats} or int64 values in {@code longs} (the other is null).
 */
public record PthTensor(StorageType dtype, long[] shape, float[] floats, long[] longs) {
  public PthTensor {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    boolean typed =
        dtype == StorageType.FLOAT32
            ? floats != null && longs == null
            : dtype == StorageType.INT64 && longs != null && floats == null;
    if (!typed || n != (floats != null ? floats.length : longs.length)) {
      throw new IllegalArgumentException(
          "a "
              + dtype
              + " tensor of shape "
              + Arrays.toString(shape)
              + " needs "
              + n
              + " values of its type");
    }
  }

  public static PthTensor of(long[] shape, float[] values) {
    return new PthTensor(StorageType.FLOAT32, shape, values, null);
  }

  public static PthTensor of(long[] shape, long[] values) {
    return new PthTensor(StorageType.INT64, shape, null, values);
  }

  public int elements() {
    return floats != null ? floats.length : longs.length;
  }

  @Override
  public String toString() {
    return dtype + " " + Arrays.toString(shape);
  }
}
