package ssm.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The author-checkpoint fixture (fixtures/author-checkpoint in the repository): the parity weights
 * in the author's PyTorch checkpoint layout, in torch's zip and legacy formats, and two malicious
 * checkpoints. A missing fixture fails the test that needs it.
 */
public final class AuthorCheckpoint {
  /** The file a malicious fixture's pickle would create if anything ran it. */
  public static final String MARKER = "pickle-ran-a-command.txt";

  private AuthorCheckpoint() {}

  /** The fixture folder. */
  public static Path dir() {
    String root = System.getProperty("ssm.fixtures", "../fixtures");
    Path dir = Path.of(root, "author-checkpoint").toAbsolutePath().normalize();
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException(
          "author-checkpoint fixture not found at "
              + dir
              + " (it is part of the repository:"
              + " fixtures/author-checkpoint; system property ssm.fixtures = "
              + root
              + ")");
    }
    return dir;
  }

  /** A fixture file, e.g. {@code modelA-legacy.pth}; fails when it is missing. */
  public static Path file(String name) {
    Path f = dir().resolve(name);
    if (!Files.isRegularFile(f)) {
      throw new IllegalStateException("author-checkpoint fixture file " + f + " is missing");
    }
    return f;
  }

  public static Path zip() {
    return file("modelA-zip.pth");
  }

  public static Path legacy() {
    return file("modelA-legacy.pth");
  }
}
