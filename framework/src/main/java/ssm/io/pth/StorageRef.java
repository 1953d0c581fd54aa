package ssm.io.pth;

/**
 * A storage a pickle refers to through a persistent id: its element type, its key (the record name
 * in a zip checkpoint, the object key in a legacy one) and its length in elements.
 */
public record StorageRef(StorageType type, String key, long elements) {
  public long bytes() {
    return elements * type.elementSize();
  }
}
