package ssm.device;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The CUDA libraries TensorFlow Java's GPU natives (TensorFlow 2.16.2, built with CUDA 12.3 and
 * cuDNN 8.9) open at run time with {@code dlopen}: none is a link-time dependency ({@code readelf
 * -d} lists only libc, libstdc++ and TensorFlow's own libraries), which is why the natives load on
 * a machine without CUDA and then see no GPU. Looked for where the dynamic loader would find them:
 * {@code LD_LIBRARY_PATH}, the {@code ldconfig} cache, the usual directories.
 */
public final class CudaLibraries {
  /**
   * One library.
   *
   * @param file the name TensorFlow asks the loader for
   * @param what what it is
   * @param needs the version that provides it
   */
  public record Library(String file, String what, String needs) {}

  /** In the order TensorFlow opens them: the driver and the runtime first (LD_DEBUG=libs). */
  public static final List<Library> NEEDED =
      List.of(
          new Library("libcuda.so.1", "NVIDIA driver", "a driver for CUDA 12 (R525 or newer)"),
          new Library("libcudart.so.12", "CUDA runtime", "CUDA 12 (TensorFlow 2.16: 12.3)"),
          new Library("libcublas.so.12", "cuBLAS", "CUDA 12 cuBLAS"),
          new Library("libcublasLt.so.12", "cuBLASLt", "CUDA 12 cuBLAS"),
          new Library("libcufft.so.11", "cuFFT", "CUDA 12 cuFFT (11.x)"),
          new Library("libcusolver.so.11", "cuSOLVER", "CUDA 12 cuSOLVER (11.x)"),
          new Library("libcusparse.so.12", "cuSPARSE", "CUDA 12 cuSPARSE"),
          new Library("libcudnn.so.8", "cuDNN", "cuDNN 8.9 for CUDA 12"));

  private static final List<String> USUAL_DIRS =
      List.of(
          "/usr/lib/x86_64-linux-gnu",
          "/usr/lib64",
          "/usr/local/cuda/lib64",
          "/usr/local/cuda/targets/x86_64-linux/lib",
          "/usr/lib/wsl/lib");

  private CudaLibraries() {}

  /** Where {@code file} is, if the dynamic loader could find it. */
  public static Optional<Path> find(String file) {
    List<String> dirs = new ArrayList<>();
    String ld = System.getenv("LD_LIBRARY_PATH");
    if (ld != null) {
      dirs.addAll(List.of(ld.split(":")));
    }
    for (String dir : dirs) {
      Path p = Path.of(dir.isEmpty() ? "." : dir, file);
      if (Files.exists(p)) {
        return Optional.of(p);
      }
    }
    Optional<Path> cached = ldconfigCache(file);
    if (cached.isPresent()) {
      return cached;
    }
    return USUAL_DIRS.stream().map(d -> Path.of(d, file)).filter(Files::exists).findFirst();
  }

  /** {@code ldconfig -p}'s entry for {@code file}. */
  private static Optional<Path> ldconfigCache(String file) {
    for (String ldconfig : List.of("/sbin/ldconfig", "/usr/sbin/ldconfig")) {
      if (!Files.isExecutable(Path.of(ldconfig))) {
        continue;
      }
      try {
        Process p = new ProcessBuilder(ldconfig, "-p").redirectErrorStream(true).start();
        String out;
        try (InputStream in = p.getInputStream()) {
          out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        p.waitFor(10, TimeUnit.SECONDS);
        for (String line : out.split("\n")) {
          String t = line.trim();
          if (t.startsWith(file + " ") && t.contains("=> ")) {
            return Optional.of(Path.of(t.substring(t.indexOf("=> ") + 3).trim()));
          }
        }
      } catch (IOException e) {
        return Optional.empty();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** The libraries not found, in {@link #NEEDED}'s order. */
  public static List<Library> missing() {
    return NEEDED.stream().filter(l -> find(l.file()).isEmpty()).toList();
  }

  /** Why TensorFlow may see no GPU, as far as the libraries tell: one sentence. */
  public static String diagnosis() {
    List<Library> missing = missing();
    if (missing.isEmpty()) {
      return "Every CUDA library TensorFlow needs was found; check that nvidia-smi sees the GPU"
          + " and run with TF_CPP_MIN_LOG_LEVEL=0 for TensorFlow's own messages.";
    }
    Library first = missing.get(0);
    return "Not found: "
        + first.file()
        + " ("
        + first.what()
        + "; needs "
        + first.needs()
        + ")"
        + (missing.size() > 1 ? " and " + (missing.size() - 1) + " more CUDA libraries" : "")
        + "; install them or add their directory to LD_LIBRARY_PATH.";
  }
}
