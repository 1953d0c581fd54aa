package ssm.io.pth;

import java.util.Optional;

/**
 * torch's storage classes as a pickle names them in a persistent id ({@code torch.FloatStorage}),
 * with their element size. Only float32 and int64 tensors are read; the others are known so that
 * the error can name the dtype.
 */
public enum StorageType {
  FLOAT32("FloatStorage", 4),
  INT64("LongStorage", 8),
  FLOAT64("DoubleStorage", 8),
  FLOAT16("HalfStorage", 2),
  BFLOAT16("BFloat16Storage", 2),
  INT32("IntStorage", 4),
  INT16("ShortStorage", 2),
  INT8("CharStorage", 1),
  UINT8("ByteStorage", 1),
  BOOL("BoolStorage", 1);

  private final String pickledName;
  private final int elementSize;

  StorageType(String pickledName, int elementSize) {
    this.pickledName = pickledName;
    this.elementSize = elementSize;
  }

  /** The class name in the pickle, e.g. {@code FloatStorage} (module {@code torch}). */
  public String pickledName() {
    return pickledName;
  }

  public int elementSize() {
    return elementSize;
  }

  /** The storage type of global {@code torch.<name>}, if it is one. */
  public static Optional<StorageType> of(PyGlobal global) {
    if (!global.module().equals("torch")) {
      return Optional.empty();
    }
    for (StorageType t : values()) {
      if (t.pickledName.equals(global.name())) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
