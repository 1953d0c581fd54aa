package ssm.io.pth;

import java.util.HashMap;
import java.util.Map;

/**
 * Resolves torch's persistent ids, {@code ('storage', torch.FloatStorage, key, location, size)}
 * (legacy files add a sixth item, view metadata, None), into {@link StorageRef}s; every reference
 * to one key must agree on type and size.
 */
final class PersistentIds implements Unpickler.PersistentLoader {
  private final Map<String, StorageRef> storages = new HashMap<>();

  @Override
  public Object load(Object pid, String where) throws PthException {
    if (pid instanceof PyTuple t
        && t.size() == 4
        && "module".equals(t.get(0))
        && t.get(1) instanceof PyGlobal moduleClass) {
      // Legacy files record an nn.Module's class with its source code ('module', class, file,
      // source); torch checks the source and returns the class. Here it only names the class.
      return moduleClass;
    }
    if (!(pid instanceof PyTuple t)
        || (t.size() != 5 && t.size() != 6)
        || !"storage".equals(t.get(0))) {
      throw new PthException(
          where
              + ": persistent id "
              + Unpickler.describe(pid)
              + " is not torch's ('storage', type, key, location, size)");
    }
    if (!(t.get(1) instanceof PyGlobal g)) {
      throw new PthException(where + ": storage type is " + Unpickler.describe(t.get(1)));
    }
    StorageType type =
        StorageType.of(g)
            .orElseThrow(
                () ->
                    new PthException(
                        where + ": storage type " + g + " is not one of torch's storage classes"));
    if (!(t.get(2) instanceof String key)
        || !(t.get(4) instanceof Long size)
        || size < 0
        || size > Long.MAX_VALUE / 8) {
      throw new PthException(
          where
              + ": storage key or size of "
              + Unpickler.describe(pid)
              + " is not a string and a non-negative int");
    }
    if (t.size() == 6 && t.get(5) != PyNone.NONE) {
      throw new PthException(
          where
              + ": storage "
              + key
              + " is a view of another storage"
              + " (a pre-1.0 torch file); not supported");
    }
    StorageRef ref = new StorageRef(type, key, size);
    StorageRef known = storages.putIfAbsent(key, ref);
    if (known != null && !known.equals(ref)) {
      throw new PthException(
          where + ": storage " + key + " is referred to as " + known + " and as " + ref);
    }
    return known != null ? known : ref;
  }

  /** The storage of {@code key}, if the pickle referred to it. */
  StorageRef get(String key) {
    return storages.get(key);
  }
}
