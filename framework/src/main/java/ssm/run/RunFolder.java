package ssm.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The layout of one run's folder, the one place that names its files:
 *
 * <pre>
 * config.conf                 the resolved settings
 * events.out.tfevents.*       TensorBoard events (one file per process that trained)
 * checkpoints/ckpt-N/         a checkpoint after N steps
 * checkpoints/best/           the lowest-training-loss checkpoint (hard links)
 * checkpoints/best-validation/ the best-on-validation checkpoint (hard links)
 * split/                      the seeded validation split cut from the user's data
 * weights.safetensors         the final weights
 * metrics.json                the test evaluation
 * .lock                       held while a process trains the run
 * </pre>
 */
public record RunFolder(Path dir) {
  /** The final weights' file name, also a checkpoint's. */
  public static final String WEIGHTS = "weights.safetensors";

  /** The resolved settings' file name. */
  public static final String CONFIG = "config.conf";

  /** The test evaluation's file name. */
  public static final String METRICS = "metrics.json";

  private static final String CHECKPOINTS = "checkpoints";
  private static final String SPLIT = "split";
  private static final String LOCK = ".lock";

  public RunFolder {
    if (dir == null) {
      throw new IllegalArgumentException("a run folder needs a path");
    }
  }

  /** The resolved settings. */
  public Path config() {
    return dir.resolve(CONFIG);
  }

  /** The folder of the checkpoints and of their kept copies. */
  public Path checkpoints() {
    return dir.resolve(CHECKPOINTS);
  }

  /** The seeded validation split cut from the user's training data. */
  public Path split() {
    return dir.resolve(SPLIT);
  }

  /** The final weights. */
  public Path weights() {
    return dir.resolve(WEIGHTS);
  }

  /** The test evaluation. */
  public Path metrics() {
    return dir.resolve(METRICS);
  }

  /** The lock file of the process that trains the run. */
  public Path lock() {
    return dir.resolve(LOCK);
  }

  /** Whether the folder holds a run's checkpoints (a fresh run there would overwrite them). */
  public boolean holdsCheckpoints() throws IOException {
    Path checkpoints = checkpoints();
    if (!Files.isDirectory(checkpoints)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(checkpoints)) {
      return entries.findAny().isPresent();
    }
  }

  /**
   * Refuses a fresh run here when the folder holds another run's checkpoints; called before
   * anything is written to the folder, so that a refused command changes nothing.
   *
   * @throws ExistingRunException naming the folder, with what to do instead
   */
  public void refuseFreshRun() throws IOException {
    if (holdsCheckpoints()) {
      throw new ExistingRunException(
          String.format(
              "%s already holds a run's checkpoints (%s): add --resume to continue that run, "
                  + "or choose another --out",
              dir, checkpoints()));
    }
  }
}
