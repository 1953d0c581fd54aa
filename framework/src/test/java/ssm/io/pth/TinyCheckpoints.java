package ssm.io.pth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Small hand-made checkpoints for tests, in the byte layout torch writes. */
final class TinyCheckpoints {
  private TinyCheckpoints() {}

  /**
   * A legacy-format checkpoint: float storage "s0" = [0..5] viewed by tensors a (2x3), b (offset 1,
   * stride 2) and c (a transposed); int64 storage "s1" = [7] as bn.num_batches_tracked.
   */
  static Path legacy(Path file) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new PickleWriter().proto().integer(LegacyContainer.MAGIC).stop().bytes());
    out.write(new PickleWriter().proto().integer(1001).stop().bytes());
    out.write(
        new PickleWriter()
            .proto()
            .emptyDict()
            .mark()
            .string("protocol_version")
            .integer(1001)
            .string("little_endian")
            .bool(true)
            .setItems()
            .stop()
            .bytes());
    PickleWriter p = new PickleWriter().proto().emptyDict().mark().string("epoch").string("3");
    p.string("model_weights").global("collections", "OrderedDict").emptyTuple().reduce().mark();
    tensor(p.string("a"), "FloatStorage", "s0", 6, 0, new long[] {2, 3}, new long[] {3, 1});
    tensor(p.string("b"), "FloatStorage", "s0", 6, 1, new long[] {3}, new long[] {2});
    tensor(p.string("c"), "FloatStorage", "s0", 6, 0, new long[] {3, 2}, new long[] {1, 3});
    tensor(p.string("bn.num_batches_tracked"), "LongStorage", "s1", 1, 0, new long[0], new long[0]);
    out.write(p.setItems().setItems().stop().bytes());
    out.write(
        new PickleWriter()
            .proto()
            .emptyList()
            .mark()
            .string("s0")
            .string("s1")
            .appends()
            .stop()
            .bytes());
    ByteBuffer data = ByteBuffer.allocate(8 + 24 + 8 + 8).order(ByteOrder.LITTLE_ENDIAN);
    data.putLong(6);
    for (int i = 0; i < 6; i++) {
      data.putFloat(i);
    }
    data.putLong(1).putLong(7);
    out.write(data.array());
    Files.write(file, out.toByteArray());
    return file;
  }

  /** A zip-format checkpoint written by {@link PthWriter}: three small tensors and anchors. */
  static Path zip(Path file) throws IOException {
    Map<String, PthTensor> w = new LinkedHashMap<>();
    w.put("conv.weight", PthTensor.of(new long[] {2, 1, 1, 2}, new float[] {1, -2, 3.5f, 0}));
    w.put("bn.running_var", PthTensor.of(new long[] {2}, new float[] {0.25f, 4}));
    w.put("fc.bias", PthTensor.of(new long[] {3}, new float[] {Float.MIN_VALUE, -0f, 1e30f}));
    PthWriter.write(
        file,
        PthWriter.withBatchNormCounters(w),
        CheckpointAnchors.oneLevel(new int[] {2, 4}, new float[] {0.5f, 1}),
        "7",
        1e-4);
    return file;
  }

  /** _rebuild_tensor_v2 of a legacy persistent id (six items, view metadata None). */
  private static void tensor(
      PickleWriter p,
      String storageClass,
      String key,
      long elements,
      long offset,
      long[] shape,
      long[] stride) {
    p.global("torch._utils", "_rebuild_tensor_v2").mark();
    p.mark()
        .string("storage")
        .global("torch", storageClass)
        .string(key)
        .string("cpu")
        .integer(elements)
        .none()
        .tuple()
        .binPersId();
    p.integer(offset)
        .intTuple(shape)
        .intTuple(stride)
        .bool(false)
        .global("collections", "OrderedDict")
        .emptyTuple()
        .reduce()
        .tuple()
        .reduce();
  }
}
