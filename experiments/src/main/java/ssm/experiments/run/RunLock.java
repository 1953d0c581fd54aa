package ssm.experiments.run;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import ssm.run.RunFolder;

/**
 * A lock file ({@code .lock} holding "pid@host") that keeps two processes of one grid from running
 * the same variant. A lock left by a dead process on this host is taken over; a lock of another
 * host is respected (shared filesystems: delete it by hand if that host is gone).
 */
public final class RunLock implements AutoCloseable {
  private final Path file;

  private RunLock(Path file) {
    this.file = file;
  }

  /** The lock of {@code dir}, or empty when a live process holds it. */
  public static Optional<RunLock> acquire(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path file = new RunFolder(dir).lock();
    String me = ProcessHandle.current().pid() + "@" + host();
    for (int attempt = 0; attempt < 2; attempt++) {
      try {
        Files.writeString(Files.createFile(file), me, StandardCharsets.UTF_8);
        return Optional.of(new RunLock(file));
      } catch (FileAlreadyExistsException e) {
        if (!stale(file)) {
          return Optional.empty();
        }
        Files.deleteIfExists(file); // its process is dead: take over
      }
    }
    return Optional.empty();
  }

  /** Whether a live process (or one of another host) holds the lock of {@code dir}. */
  public static boolean held(Path dir) {
    Path file = new RunFolder(dir).lock();
    return Files.exists(file) && !stale(file);
  }

  private static boolean stale(Path file) {
    try {
      String[] owner = Files.readString(file, StandardCharsets.UTF_8).trim().split("@", 2);
      if (owner.length != 2 || !owner[1].equals(host())) {
        return false;
      }
      return ProcessHandle.of(Long.parseLong(owner[0])).map(p -> !p.isAlive()).orElse(true);
    } catch (IOException | NumberFormatException e) {
      return false;
    }
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }

  @Override
  public void close() throws IOException {
    Files.deleteIfExists(file);
  }
}
