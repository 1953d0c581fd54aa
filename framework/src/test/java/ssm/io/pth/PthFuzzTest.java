package ssm.io.pth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import ssm.testing.SlowTest;

/**
 * Truncations and byte flips of a small checkpoint in each format: every read either succeeds or
 * throws {@link PthException}; nothing else, never a hang.
 */
@SlowTest
class PthFuzzTest {
  private static final int FLIPS = 1000;
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"zip", "legacy"})
  void everyCorruptionEndsInACleanError(String format) throws Exception {
    Path original =
        format.equals("zip")
            ? TinyCheckpoints.zip(dir.resolve("tiny.pth"))
            : TinyCheckpoints.legacy(dir.resolve("tiny.pth"));
    byte[] good = Files.readAllBytes(original);
    int[] outcomes = new int[2]; // read, refused
    Path mutant = dir.resolve("mutant.pth");
    assertTimeoutPreemptively(
        Duration.ofSeconds(120),
        () -> {
          for (int n = 0; n < good.length; n++) {
            outcomes[attempt(mutant, java.util.Arrays.copyOf(good, n))]++;
          }
          Random random = new Random(19);
          for (int i = 0; i < FLIPS; i++) {
            byte[] b = good.clone();
            int flips = 1 + random.nextInt(3);
            for (int k = 0; k < flips; k++) {
              b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
            }
            outcomes[attempt(mutant, b)]++;
          }
        });
    assertEquals(good.length + FLIPS, outcomes[0] + outcomes[1]);
    // Every truncation is refused (the full file is not among them).
    assertTrue(outcomes[1] >= good.length, "refused " + outcomes[1]);
  }

  /** 0 when the mutant reads, 1 when it is refused with a PthException; anything else fails. */
  private static int attempt(Path file, byte[] bytes) throws Exception {
    Files.write(file, bytes);
    try {
      PthReader.read(file);
      return 0;
    } catch (PthException expected) {
      assertTrue(expected.getMessage().contains(file.toString()), expected.getMessage());
      return 1;
    } catch (Throwable other) {
      throw new AssertionError(
          "not a PthException for a " + bytes.length + "-byte mutant: " + other, other);
    }
  }
}
