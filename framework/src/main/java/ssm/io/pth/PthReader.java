package ssm.io.pth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads a PyTorch checkpoint ({@code .pth}) without Python and without running any of it: either
 * container format, the pickle through the restricted {@link Unpickler}. Understands the author's
 * layout ({@code model_weights}, {@code optimizer_state}, {@code epoch}, {@code lrate}, {@code
 * anchor_generator}) and a bare state dict ({@code torch.save(model.state_dict())}).
 */
public final class PthReader {
  private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

  /** PROTO 2, LONG1 of 10 bytes: the legacy format's pickled magic number. */
  private static final byte[] LEGACY_MAGIC = {(byte) 0x80, 2, (byte) 0x8a, 10};

  private static final Set<String> KNOWN =
      Set.of(
          "model_weights", "state_dict", "optimizer_state", "epoch", "lrate", "anchor_generator");

  private PthReader() {}

  /** Whether {@code file} starts as a torch checkpoint of either format does. */
  public static boolean isPth(Path file) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(4);
    }
    return java.util.Arrays.equals(head, ZIP_MAGIC) || java.util.Arrays.equals(head, LEGACY_MAGIC);
  }

  /** Reads {@code file}; any problem is a {@link PthException} naming the file. */
  public static PthCheckpoint read(Path file) throws PthException {
    byte[] head;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(4);
    } catch (IOException e) {
      throw new PthException(file + ": unreadable: " + e.getMessage(), e);
    }
    if (java.util.Arrays.equals(head, ZIP_MAGIC)) {
      try (ZipContainer zip = ZipContainer.open(file)) {
        return interpret(file, "zip", zip.root(), zip);
      }
    }
    if (java.util.Arrays.equals(head, LEGACY_MAGIC)) {
      LegacyContainer legacy = LegacyContainer.open(file);
      return interpret(file, "legacy", legacy.root(), legacy);
    }
    throw new PthException(
        file
            + ": not a PyTorch checkpoint (neither torch's zip format nor"
            + " its legacy format)");
  }

  private static PthCheckpoint interpret(
      Path file, String format, Object root, StorageSource storages) throws PthException {
    if (!(root instanceof Map<?, ?> top)) {
      throw new PthException(file + ": holds " + Unpickler.describe(root) + ", not a dict");
    }
    Map<?, ?> state = stateDict(file, top);
    Map<String, PthTensor> weights = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : state.entrySet()) {
      if (!(e.getKey() instanceof String name) || !(e.getValue() instanceof TensorRef t)) {
        throw new PthException(
            file
                + ": state dict entry "
                + Unpickler.describe(e.getKey())
                + " is "
                + Unpickler.describe(e.getValue())
                + ", not a named tensor");
      }
      try {
        weights.put(name, TensorGather.read(name, t, storages));
      } catch (PthException ex) {
        throw ex.getMessage().startsWith(file.toString())
            ? ex
            : new PthException(file + ": " + ex.getMessage(), ex);
      }
    }
    Optional<String> epoch =
        Optional.ofNullable(top.get("epoch"))
            .filter(v -> v instanceof String || v instanceof Number)
            .map(Object::toString);
    OptionalDouble lrate =
        top.get("lrate") instanceof Number n
            ? OptionalDouble.of(n.doubleValue())
            : OptionalDouble.empty();
    Optional<CheckpointAnchors> anchors =
        top.containsKey("anchor_generator")
            ? Optional.of(CheckpointAnchors.of(top.get("anchor_generator"), file.toString()))
            : Optional.empty();
    OptionalInt optimizer =
        top.containsKey("optimizer_state")
            ? OptionalInt.of(countTensors(top.get("optimizer_state")))
            : OptionalInt.empty();
    List<String> other = new ArrayList<>();
    top.keySet()
        .forEach(
            k -> {
              if (!KNOWN.contains(k) && state != top) {
                other.add(Unpickler.describe(k));
              }
            });
    return new PthCheckpoint(
        file,
        format,
        Collections.unmodifiableMap(weights),
        epoch,
        lrate,
        anchors,
        optimizer,
        List.copyOf(other));
  }

  /** {@code model_weights} (the author's), {@code state_dict}, or the top dict itself. */
  private static Map<?, ?> stateDict(Path file, Map<?, ?> top) throws PthException {
    for (String key : List.of("model_weights", "state_dict")) {
      if (top.containsKey(key)) {
        if (top.get(key) instanceof Map<?, ?> m) {
          return m;
        }
        throw new PthException(
            file + ": " + key + " is " + Unpickler.describe(top.get(key)) + ", not a dict");
      }
    }
    if (!top.isEmpty() && top.values().stream().allMatch(v -> v instanceof TensorRef)) {
      return top;
    }
    throw new PthException(
        file
            + ": no model_weights (nor state_dict) entry and not a state"
            + " dict itself; its entries: "
            + top.keySet().stream().map(Unpickler::describe).toList());
  }

  /** Tensors anywhere under {@code o}; iterative, each container visited once. */
  private static int countTensors(Object o) {
    int count = 0;
    Deque<Object> todo = new ArrayDeque<>(List.of(o));
    Map<Object, Boolean> seen = new IdentityHashMap<>();
    while (!todo.isEmpty()) {
      Object next = todo.pop();
      if (next instanceof TensorRef) {
        count++;
      } else if (seen.put(next, Boolean.TRUE) == null) {
        if (next instanceof Map<?, ?> m) {
          todo.addAll(m.values());
        } else if (next instanceof List<?> l) {
          todo.addAll(l);
        } else if (next instanceof PyTuple t) {
          todo.addAll(t.items());
        }
      }
    }
    return count;
  }
}
