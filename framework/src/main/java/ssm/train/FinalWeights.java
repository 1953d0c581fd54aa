package ssm.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ssm.io.Safetensors;
import ssm.run.RunFolder;

/**
 * Writes a run's final weights ({@code training.average-last-epochs}): the last checkpoint's, or
 * the element-wise mean of the checkpoints of the last N epochs of the final stage. Averaging the
 * weights of the last epochs (Polyak averaging at epoch ends) evens out where the last steps of a
 * small data set happen to leave them; BatchNorm running statistics are averaged the same way.
 */
public final class FinalWeights {
  private FinalWeights() {}

  /**
   * Writes {@code target} from the newest {@code epochs} checkpoints of the final stage (fewer
   * where that stage has fewer); returns the checkpoints used, oldest first.
   */
  public static List<Path> write(CheckpointStore checkpoints, int epochs, Path target)
      throws IOException {
    List<Path> used = checkpoints.newestOfLastStage(epochs);
    if (used.isEmpty()) {
      throw new IOException(checkpoints.dir() + " holds no checkpoint to take final weights from");
    }
    if (used.size() == 1) {
      // A link, not a copy: the final weights are the last checkpoint's (README, "disk").
      CheckpointStore.linkOrCopy(used.get(0).resolve(RunFolder.WEIGHTS), target);
    } else {
      Safetensors.write(
          target, mean(used.stream().map(c -> c.resolve(RunFolder.WEIGHTS)).toList()), Map.of());
    }
    return used;
  }

  /** The element-wise mean of the tensors of {@code files}, which must hold the same tensors. */
  static Map<String, Safetensors.Entry> mean(List<Path> files) throws IOException {
    Map<String, Safetensors.Entry> first = null; // each file is read once; the first sets the names
    Map<String, double[]> sums = new LinkedHashMap<>();
    for (Path file : files) {
      Map<String, Safetensors.Entry> tensors = Safetensors.read(file);
      if (first == null) {
        first = tensors;
        first.forEach((name, e) -> sums.put(name, new double[e.data().length]));
      } else if (!tensors.keySet().equals(first.keySet())) {
        throw new IOException(
            file + " holds other tensors than " + files.get(0) + ": cannot average them");
      }
      for (var e : tensors.entrySet()) {
        if (!Arrays.equals(e.getValue().shape(), first.get(e.getKey()).shape())) {
          throw new IOException(
              file
                  + ": "
                  + e.getKey()
                  + " has shape "
                  + Arrays.toString(e.getValue().shape())
                  + ", "
                  + files.get(0)
                  + " "
                  + Arrays.toString(first.get(e.getKey()).shape()));
        }
        double[] sum = sums.get(e.getKey());
        float[] x = e.getValue().data();
        for (int i = 0; i < x.length; i++) {
          sum[i] += x[i];
        }
      }
    }
    Map<String, Safetensors.Entry> out = new LinkedHashMap<>();
    for (var e : first.entrySet()) {
      double[] sum = sums.get(e.getKey());
      float[] mean = new float[sum.length];
      for (int i = 0; i < sum.length; i++) {
        mean[i] = (float) (sum[i] / files.size());
      }
      out.put(e.getKey(), new Safetensors.Entry(e.getValue().shape(), mean));
    }
    return out;
  }
}
