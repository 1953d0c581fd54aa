package ssm.device;

import java.util.Locale;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.GPUOptions;

/**
 * Where a run's model and updates go: {@code --device cpu|gpu|gpu:N}, or {@link #AUTO} (the GPU
 * when TensorFlow sees one). Nothing is pinned op by op: TensorFlow's placer puts every op that has
 * a kernel on the GPU there (all of ours do, {@code ssm doctor --graph}), so soft placement stays
 * off and an op that cannot run where it is asked fails the session instead of moving. Data
 * decoding, metrics, mask pasting and RLE are Java code, on the CPU by construction.
 *
 * @param kind auto, cpu or gpu
 * @param index the GPU's CUDA index for {@code gpu:N}; -1 for "the first one TensorFlow sees"
 */
public record DeviceChoice(Kind kind, int index) {
  /** The kinds of choice. */
  public enum Kind {
    AUTO,
    CPU,
    GPU
  }

  public static final DeviceChoice AUTO = new DeviceChoice(Kind.AUTO, -1);
  public static final DeviceChoice CPU = new DeviceChoice(Kind.CPU, -1);

  /** Parses {@code auto}, {@code cpu}, {@code gpu} or {@code gpu:N}. */
  public static DeviceChoice parse(String text) {
    String s = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    if (s.equals("auto")) {
      return AUTO;
    }
    if (s.equals("cpu")) {
      return CPU;
    }
    if (s.equals("gpu")) {
      return new DeviceChoice(Kind.GPU, -1);
    }
    if (s.matches("gpu:\\d{1,3}")) {
      return new DeviceChoice(Kind.GPU, Integer.parseInt(s.substring(4)));
    }
    throw new IllegalArgumentException(
        "--device " + text + ": expected cpu, gpu, gpu:N (N = the CUDA device index) or auto");
  }

  /**
   * Adds this choice to a session configuration: {@code cpu} hides every GPU from the session;
   * otherwise GPU memory grows as needed (TensorFlow's default takes nearly all of it at the first
   * session, which leaves nothing to a second process, e.g. {@code ssm eval} next to a training
   * run) and {@code gpu:N} makes CUDA device N the session's {@code GPU:0}.
   */
  void configure(ConfigProto.Builder config) {
    if (kind == Kind.CPU) {
      config.putDeviceCount("GPU", 0);
      return;
    }
    GPUOptions.Builder gpu = GPUOptions.newBuilder().setAllowGrowth(true);
    if (index >= 0) {
      gpu.setVisibleDeviceList(Integer.toString(index));
    }
    config.setGpuOptions(gpu);
  }

  @Override
  public String toString() {
    return kind == Kind.GPU && index >= 0 ? "gpu:" + index : kind.name().toLowerCase(Locale.ROOT);
  }
}
