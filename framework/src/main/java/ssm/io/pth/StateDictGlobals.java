package ssm.io.pth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The allowlist of the restricted unpickler: the only globals a pickle may call, each done here in
 * Java (what a state dict needs: {@code collections.OrderedDict}, the tensor and parameter rebuild
 * functions, sets). Any other call is refused with an error naming the global; NEWOBJ of any other
 * class makes an inert {@link PyObject}.
 */
final class StateDictGlobals {
  private static final Set<String> ALLOWED =
      Set.of(
          "collections.OrderedDict",
          "torch._utils._rebuild_tensor_v2",
          "torch._utils._rebuild_tensor",
          "torch._utils._rebuild_parameter",
          "builtins.set",
          "__builtin__.set",
          "builtins.frozenset",
          "__builtin__.frozenset");

  private StateDictGlobals() {}

  /** REDUCE: {@code global(*args)}, for an allowed global; otherwise a refusal. */
  static Object call(PyGlobal global, PyTuple args, Function<String, PthException> error)
      throws PthException {
    String name = global.toString();
    switch (name) {
      case "collections.OrderedDict" -> {
        Map<Object, Object> d = new LinkedHashMap<>();
        if (args.size() > 0) {
          for (Object pair : iterable(args.get(0), "OrderedDict items", error)) {
            if (!(pair instanceof PyTuple t) || t.size() != 2) {
              throw error.apply("OrderedDict item is " + Unpickler.describe(pair));
            }
            d.put(t.get(0), t.get(1));
          }
        }
        return d;
      }
      case "torch._utils._rebuild_tensor_v2", "torch._utils._rebuild_tensor" -> {
        // (storage, storage_offset, size, stride[, requires_grad, backward_hooks[, metadata]])
        if (args.size() < 4) {
          throw error.apply(name + " with " + args.size() + " arguments");
        }
        if (!(args.get(0) instanceof StorageRef storage)) {
          throw error.apply(name + " on " + Unpickler.describe(args.get(0)) + ", not a storage");
        }
        return new TensorRef(
            storage,
            integer(args.get(1), "storage offset", error),
            longs(args.get(2), "size", error),
            longs(args.get(3), "stride", error));
      }
      case "torch._utils._rebuild_parameter" -> {
        if (args.size() < 1 || !(args.get(0) instanceof TensorRef tensor)) {
          throw error.apply(name + " without a tensor");
        }
        return tensor; // requires_grad and hooks do not matter for weights
      }
      case "builtins.set", "__builtin__.set", "builtins.frozenset", "__builtin__.frozenset" -> {
        List<Object> items = new ArrayList<>();
        if (args.size() > 0) {
          iterable(args.get(0), name + " items", error).forEach(items::add);
        }
        return items;
      }
      default -> throw refused(global, error);
    }
  }

  /** NEWOBJ: an OrderedDict, or an inert record of any other class. */
  static Object newObject(PyGlobal cls, PyTuple args) {
    if (cls.toString().equals("collections.OrderedDict")) {
      return new LinkedHashMap<>();
    }
    return new PyObject(cls, args);
  }

  static PthException refused(PyGlobal global, Function<String, PthException> error) {
    return error.apply(
        "refusing to call "
            + global
            + ": a checkpoint's pickle may only call "
            + String.join(", ", ALLOWED.stream().sorted().toList())
            + "; nothing was executed (is this file what it claims to be?)");
  }

  private static List<?> iterable(Object o, String what, Function<String, PthException> error)
      throws PthException {
    if (o instanceof List<?> l) {
      return l;
    }
    if (o instanceof PyTuple t) {
      return t.items();
    }
    throw error.apply(what + " are " + Unpickler.describe(o));
  }

  private static long integer(Object o, String what, Function<String, PthException> error)
      throws PthException {
    if (o instanceof Long v) {
      return v;
    }
    throw error.apply(what + " is " + Unpickler.describe(o) + ", not an int");
  }

  private static long[] longs(Object o, String what, Function<String, PthException> error)
      throws PthException {
    if (!(o instanceof PyTuple t)) {
      throw error.apply(what + " is " + Unpickler.describe(o) + ", not a tuple");
    }
    long[] out = new long[t.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = integer(t.get(i), what + " item", error);
    }
    return out;
  }
}
