package ssm.device;

import java.util.List;
import java.util.Optional;

/**
 * Which of TensorFlow Java's native builds is on the class path (the Maven classifier of {@code
 * tensorflow-core-native}: {@code linux-x86_64}, {@code linux-x86_64-gpu}, ...), found without
 * loading it.
 */
public final class NativeBuild {
  /** The CUDA build's classifier, selected by the parent pom's {@code gpu} profile. */
  public static final String GPU_CLASSIFIER = "linux-x86_64-gpu";

  private static final List<String> CLASSIFIERS =
      List.of(
          GPU_CLASSIFIER,
          "linux-x86_64",
          "linux-arm64",
          "macosx-arm64",
          "macosx-x86_64",
          "windows-x86_64");

  private NativeBuild() {}

  /** The classifier whose native library is on the class path, if any. */
  public static Optional<String> classifier() {
    ClassLoader loader = NativeBuild.class.getClassLoader();
    return CLASSIFIERS.stream()
        .filter(
            c ->
                loader.getResource("org/tensorflow/internal/c_api/" + c + "/") != null
                    || loader.getResource("org/tensorflow/internal/c_api/" + c + "/LICENSE")
                        != null)
        .findFirst();
  }

  /** Whether the CUDA build is on the class path. */
  public static boolean isGpuBuild() {
    return classifier().filter(GPU_CLASSIFIER::equals).isPresent();
  }
}
