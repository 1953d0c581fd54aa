package ssm.device;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.tensorflow.TensorFlow;
import org.tensorflow.internal.c_api.TF_DeviceList;
import org.tensorflow.internal.c_api.TF_Graph;
import org.tensorflow.internal.c_api.TF_Session;
import org.tensorflow.internal.c_api.TF_SessionOptions;
import org.tensorflow.internal.c_api.TF_Status;
import org.tensorflow.internal.c_api.global.tensorflow;
import org.tensorflow.proto.ConfigProto;

/**
 * This process's device: chosen once at start ({@code --device}, {@link #select}), read by {@code
 * ssm.graph.Sessions} for every session, and resolved on first use to "the model runs on a GPU" or
 * not by asking TensorFlow which devices a session gets.
 */
public final class Devices {
  private static DeviceChoice choice = DeviceChoice.AUTO;
  private static Boolean onGpu;

  /** One device a TensorFlow session sees. */
  public record Device(String name, String type, long memoryBytes) {}

  private Devices() {}

  /** Sets this process's device; call before the first session. */
  public static synchronized void select(DeviceChoice c) {
    choice = c;
    onGpu = null;
  }

  public static synchronized DeviceChoice choice() {
    return choice;
  }

  /**
   * Whether this process's sessions put the model on a GPU: never with {@code --device cpu} or the
   * CPU natives; with {@code auto} when TensorFlow sees a GPU.
   *
   * @throws DeviceSetupException for {@code --device gpu} without the GPU natives or without a GPU
   *     TensorFlow can use, naming what is missing
   */
  public static synchronized boolean onGpu() {
    if (onGpu == null) {
      onGpu = resolve();
    }
    return onGpu;
  }

  private static boolean resolve() {
    boolean wantGpu = choice.kind() == DeviceChoice.Kind.GPU;
    if (choice.kind() == DeviceChoice.Kind.CPU) {
      return false;
    }
    if (!NativeBuild.isGpuBuild()) {
      if (wantGpu) {
        throw new DeviceSetupException(
            "--device "
                + choice
                + " needs TensorFlow's GPU natives ("
                + NativeBuild.GPU_CLASSIFIER
                + "), but "
                + NativeBuild.classifier().orElse("none")
                + " is on the class path: run SSM_MAVEN_OPTS=-Pgpu ./ssm ... (docs/how-to/gpu.md)");
      }
      return false;
    }
    List<Device> gpus = list(sessionConfig()).stream().filter(d -> d.type().equals("GPU")).toList();
    if (gpus.isEmpty() && wantGpu) {
      throw new DeviceSetupException(
          "--device "
              + choice
              + ": TensorFlow sees no GPU. "
              + CudaLibraries.diagnosis()
              + " (./ssm doctor tells more)");
    }
    return !gpus.isEmpty();
  }

  /** The configuration of this process's sessions, before {@code Sessions}' own settings. */
  public static ConfigProto sessionConfig() {
    ConfigProto.Builder b = ConfigProto.newBuilder();
    choice().configure(b);
    return b.build();
  }

  /**
   * The devices a session with {@code config} gets (C API {@code TF_SessionListDevices}). With the
   * GPU natives this initialises CUDA, so {@code config} must be the one every later session of the
   * process uses (GPU memory options are fixed by the first session).
   */
  public static List<Device> list(ConfigProto config) {
    TensorFlow.version(); // loads the native library
    try (TF_Status status = TF_Status.newStatus();
        TF_Graph graph = TF_Graph.newGraph();
        TF_SessionOptions options = TF_SessionOptions.newSessionOptions()) {
      byte[] bytes = config.toByteArray();
      try (BytePointer p = new BytePointer(bytes)) {
        tensorflow.TF_SetConfig(options, p, bytes.length, status);
        status.throwExceptionIfNotOK();
      }
      try (TF_Session session = TF_Session.newSession(graph, options, status)) {
        status.throwExceptionIfNotOK();
        TF_DeviceList devices = tensorflow.TF_SessionListDevices(session, status);
        status.throwExceptionIfNotOK();
        try {
          List<Device> out = new ArrayList<>();
          for (int i = 0; i < tensorflow.TF_DeviceListCount(devices); i++) {
            out.add(
                new Device(
                    tensorflow.TF_DeviceListName(devices, i, status).getString(),
                    tensorflow.TF_DeviceListType(devices, i, status).getString(),
                    tensorflow.TF_DeviceListMemoryBytes(devices, i, status)));
            status.throwExceptionIfNotOK();
          }
          return out;
        } finally {
          tensorflow.TF_DeleteDeviceList(devices);
        }
      }
    }
  }
}
