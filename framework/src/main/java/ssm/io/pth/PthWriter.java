package ssm.io.pth;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a checkpoint in the author's layout, torch's zip format, so that the author's PyTorch code
 * loads it with {@code torch.load} and {@code model.load_state_dict(ckpt['model_weights'])}: {@code
 * {'epoch': str, 'model_weights': OrderedDict of tensors, 'lrate': float, 'anchor_generator':
 * models.ssm.rpn.AnchorGenerator}} (no optimizer state). The write is atomic: a temporary file
 * beside {@code file}, then a rename; nothing is left behind on failure.
 */
public final class PthWriter {
  private static final String ARCHIVE = "archive";

  /** torch's zip format version written by torch 1.6 to 2.x. */
  private static final String FORMAT_VERSION = "3\n";

  private PthWriter() {}

  public static void write(
      Path file,
      Map<String, PthTensor> weights,
      CheckpointAnchors anchors,
      String epoch,
      double lrate)
      throws IOException {
    Map<String, byte[]> storages = new LinkedHashMap<>();
    PickleWriter p = new PickleWriter().proto().emptyDict().mark();
    p.string("epoch").string(epoch);
    p.string("model_weights").global("collections", "OrderedDict").emptyTuple().reduce().mark();
    for (Map.Entry<String, PthTensor> e : weights.entrySet()) {
      String key = String.valueOf(storages.size());
      storages.put(key, littleEndian(e.getValue()));
      p.string(e.getKey());
      tensor(p, e.getValue(), key);
    }
    p.setItems();
    p.string("lrate").real(lrate);
    p.string("anchor_generator");
    anchorGenerator(p, anchors);
    p.setItems().stop();

    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
    try {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
        ZipRecordsWriter zip = new ZipRecordsWriter(out);
        zip.record(ARCHIVE + "/data.pkl", p.bytes());
        zip.record(ARCHIVE + "/byteorder", "little".getBytes(StandardCharsets.US_ASCII));
        for (Map.Entry<String, byte[]> s : storages.entrySet()) {
          zip.record(ARCHIVE + "/data/" + s.getKey(), s.getValue());
        }
        zip.record(ARCHIVE + "/version", FORMAT_VERSION.getBytes(StandardCharsets.US_ASCII));
        zip.finish();
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * {@code weights} with an int64 {@code num_batches_tracked} of 0 after each BatchNorm's {@code
   * running_var} that lacks one: the author's {@code BatchNorm2d}s have that buffer, and this
   * project's weights files do not keep it (inference never reads it).
   */
  public static Map<String, PthTensor> withBatchNormCounters(Map<String, PthTensor> weights) {
    Map<String, PthTensor> out = new LinkedHashMap<>();
    weights.forEach(
        (name, t) -> {
          out.put(name, t);
          if (name.endsWith(".running_var")) {
            String counter =
                name.substring(0, name.length() - "running_var".length()) + "num_batches_tracked";
            if (!weights.containsKey(counter)) {
              out.put(counter, PthTensor.of(new long[0], new long[] {0}));
            }
          }
        });
    return out;
  }

  /** _rebuild_tensor_v2(('storage', torch.FloatStorage, key, 'cpu', n), 0, size, stride, ...). */
  private static void tensor(PickleWriter p, PthTensor t, String key) {
    p.global("torch._utils", "_rebuild_tensor_v2").mark();
    p.mark()
        .string("storage")
        .global("torch", t.dtype().pickledName())
        .string(key)
        .string("cpu")
        .integer(t.elements())
        .tuple()
        .binPersId();
    p.integer(0).intTuple(t.shape()).intTuple(contiguousStrides(t.shape()));
    p.bool(false).global("collections", "OrderedDict").emptyTuple().reduce();
    p.tuple().reduce();
  }

  /**
   * The author's AnchorGenerator as torch pickles an nn.Module: NEWOBJ, then BUILD with its {@code
   * __dict__} (the Module bookkeeping, {@code sizes}, {@code aspect_ratios}).
   */
  private static void anchorGenerator(PickleWriter p, CheckpointAnchors a) {
    p.global("models.ssm.rpn", "AnchorGenerator").emptyTuple().newObj();
    p.emptyDict().mark();
    p.string("training").bool(true); // as the author's pickled generator
    for (String dict : new String[] {"_parameters", "_buffers"}) {
      p.string(dict).global("collections", "OrderedDict").emptyTuple().reduce();
    }
    p.string("_non_persistent_buffers_set")
        .global("__builtin__", "set")
        .emptyList()
        .tuple1()
        .reduce();
    for (String dict :
        new String[] {
          "_backward_hooks",
          "_forward_hooks",
          "_forward_pre_hooks",
          "_state_dict_hooks",
          "_load_state_dict_pre_hooks",
          "_load_state_dict_post_hooks",
          "_modules"
        }) {
      p.string(dict).global("collections", "OrderedDict").emptyTuple().reduce();
    }
    p.string("_is_full_backward_hook").none();
    p.string("sizes");
    levels(p, a.sizes(), true);
    p.string("aspect_ratios");
    levels(p, a.aspectRatios(), false);
    p.string("cell_anchors").none();
    p.string("_cache").emptyDict();
    p.setItems().build();
  }

  private static void levels(
      PickleWriter p, java.util.List<java.util.List<Double>> levels, boolean integers) {
    p.mark();
    for (java.util.List<Double> level : levels) {
      p.mark();
      for (double v : level) {
        if (integers) {
          p.integer((long) v);
        } else {
          p.real(v);
        }
      }
      p.tuple();
    }
    p.tuple();
  }

  private static long[] contiguousStrides(long[] shape) {
    long[] stride = new long[shape.length];
    long s = 1;
    for (int d = shape.length - 1; d >= 0; d--) {
      stride[d] = s;
      s *= shape[d];
    }
    return stride;
  }

  private static byte[] littleEndian(PthTensor t) {
    ByteBuffer b =
        ByteBuffer.allocate(t.elements() * t.dtype().elementSize()).order(ByteOrder.LITTLE_ENDIAN);
    if (t.floats() != null) {
      b.asFloatBuffer().put(t.floats());
    } else {
      b.asLongBuffer().put(t.longs());
    }
    return b.array();
  }
}
