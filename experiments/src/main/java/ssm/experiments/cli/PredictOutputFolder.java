package ssm.experiments.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The {@code --out} folder of {@code ssm predict}, reusable without stale files: every file predict
 * writes there is listed in {@value #MANIFEST}, and the next predict into the folder first deletes
 * exactly those files (never anything else). A folder whose {@code json/} or {@code overlays/}
 * holds files predict did not list is refused, so no one's files are lost and no old overlay sits
 * beside a new CSV.
 */
final class PredictOutputFolder implements AutoCloseable {
  static final String MANIFEST = ".ssm-predict-files";
  private final Path dir;
  private final PrintWriter manifest;

  /** Clears what an earlier predict wrote into {@code dir}, checks what is left, then opens. */
  PredictOutputFolder(Path dir, List<Path> subfolders) throws IOException {
    this.dir = dir;
    Path listed = dir.resolve(MANIFEST);
    if (Files.isRegularFile(listed)) {
      for (String line : Files.readAllLines(listed, StandardCharsets.UTF_8)) {
        Path f = dir.resolve(line).normalize();
        if (!line.isBlank() && f.startsWith(dir.normalize())) {
          Files.deleteIfExists(f);
        }
      }
    }
    for (Path sub : subfolders) {
      if (sub != null && Files.isDirectory(sub)) {
        try (Stream<Path> left = Files.list(sub)) {
          List<Path> others = left.toList();
          if (!others.isEmpty()) {
            throw new IllegalArgumentException(
                String.format(
                    "--out %s: %s already holds %d "
                        + "file(s) this command did not write (e.g. %s); choose a new or empty --out, "
                        + "or remove them",
                    dir, sub, others.size(), others.get(0).getFileName()));
          }
        }
      }
    }
    Files.createDirectories(dir);
    manifest =
        new PrintWriter(
            Files.newBufferedWriter(
                dir.resolve(MANIFEST),
                StandardCharsets.UTF_8,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING));
  }

  /** Records that predict wrote {@code file} (inside the folder). */
  void wrote(Path file) {
    if (!file.startsWith(dir)) {
      return; // --csv or --overlay elsewhere: not this folder's
    }
    manifest.println(dir.relativize(file));
    manifest.flush();
  }

  @Override
  public void close() {
    manifest.close();
  }
}
