package ssm.io.pth;

import java.nio.ByteBuffer;

/** Where a checkpoint container keeps its storages' bytes (little-endian). */
interface StorageSource {
  /** The {@link StorageRef#bytes()} bytes of {@code storage}, positions from 0. */
  ByteBuffer bytes(StorageRef storage) throws PthException;
}
