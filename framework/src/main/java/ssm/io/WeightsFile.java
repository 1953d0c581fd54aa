package ssm.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import ssm.io.pth.CheckpointAnchors;
import ssm.io.pth.PthCheckpoint;
import ssm.io.pth.PthReader;
import ssm.io.pth.PthTensor;
import ssm.io.pth.StorageType;

/**
 * The tensors of a weights file, whichever format: safetensors (this project's), or a PyTorch
 * checkpoint ({@code .pth}, recognised by its content, read by {@link PthReader} without running
 * any of it), which also says which anchors the model was trained with.
 *
 * @param tensors float32 tensors by PyTorch name, row-major ({@code num_batches_tracked} counters
 *     dropped: inference never reads them)
 * @param anchors a checkpoint's pickled anchor generator, if it has one
 */
public record WeightsFile(
    Map<String, Safetensors.Entry> tensors, Optional<CheckpointAnchors> anchors) {

  public static WeightsFile read(Path file) throws IOException {
    if (!PthReader.isPth(file)) {
      return new WeightsFile(Safetensors.read(file), Optional.empty());
    }
    PthCheckpoint c = PthReader.read(file);
    return new WeightsFile(floats(c), c.anchors());
  }

  /** A checkpoint's float32 tensors as entries; int64 ones other than counters are an error. */
  public static Map<String, Safetensors.Entry> floats(PthCheckpoint c) throws IOException {
    Map<String, Safetensors.Entry> out = new LinkedHashMap<>();
    for (Map.Entry<String, PthTensor> e : c.modelWeights().entrySet()) {
      PthTensor t = e.getValue();
      if (t.dtype() == StorageType.FLOAT32) {
        out.put(e.getKey(), new Safetensors.Entry(t.shape(), t.floats()));
      } else if (!e.getKey().endsWith("num_batches_tracked")) {
        throw new IOException(
            c.file()
                + ": tensor "
                + e.getKey()
                + " is "
                + t.dtype()
                + "; only float32 model tensors are used");
      }
    }
    return out;
  }
}
