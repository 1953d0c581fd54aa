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
 * checkpoints/ckpt-N/         a checkpoint after N steps (9 digits): weights.safetensors,
 *                             optimizer.safetensors (the newest only, until the run ends),
 *                             state.json (where the run stands), scores.json (training loss),
 *                             validation.json (validation metrics)
 * checkpoints/best/           the lowest-training-loss checkpoint (hard links)
 * checkpoints/best-validation/ the best-on-validation checkpoint (hard links)
 * split/                      the seeded validation split cut from the user's data
 * weights.safetensors         the final weights
 * metrics.json                the test evaluation (ssm.report.MetricsReport)
 * slices.json                 each test slice's outcome (ssm.slices), read by ssm compare
 * provenance.json             each command that wrote here: commit, command line, CPU, wall time
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

  /** Each test slice's outcome, beside the test evaluation (ssm.slices.SliceResultsFile). */
  public static final String SLICES = "slices.json";

  /** The commands that wrote into the folder ({@link Provenance}). */
  public static final String PROVENANCE = "provenance.json";

  /** The lowest-training-loss checkpoint's copy, beside the checkpoints. */
  public static final String BEST = "best";

  /** The best-on-validation checkpoint's copy, beside the checkpoints. */
  public static final String BEST_VALIDATION = "best-validation";

  /** A checkpoint's optimizer state (Adam's per-parameter slots). */
  public static final String OPTIMIZER = "optimizer.safetensors";

  /** A checkpoint's counters: where the run stands. */
  public static final String STATE = "state.json";

  /** A checkpoint's training loss figures. */
  public static final String SCORES = "scores.json";

  /** A checkpoint's validation metrics. */
  public static final String VALIDATION = "validation.json";

  /** The folder of the checkpoints and their kept copies. */
  public static final String CHECKPOINTS = "checkpoints";

  private static final String CHECKPOINT_PREFIX = "ckpt-";
  private static final String SPLIT = "split";
  private static final String LOCK = ".lock";

  public RunFolder {
    if (dir == null) {
      throw new IllegalArgumentException("a run folder needs a path");
    }
  }

  /** Where the TensorBoard event files go: the run folder itself (TensorBoard's run). */
  public Path events() {
    return dir;
  }

  /** The resolved settings. */
  public Path config() {
    return dir.resolve(CONFIG);
  }

  /** The folder of the checkpoints and of their kept copies. */
  public Path checkpoints() {
    return dir.resolve(CHECKPOINTS);
  }

  /** The kept copy of the lowest-training-loss checkpoint. */
  public Path best() {
    return checkpoints().resolve(BEST);
  }

  /** The kept copy of the best-on-validation checkpoint. */
  public Path bestValidation() {
    return checkpoints().resolve(BEST_VALIDATION);
  }

  /** The folder name of the checkpoint after {@code step} steps: {@code ckpt-000000042}. */
  public static String checkpointName(long step) {
    return String.format("%s%09d", CHECKPOINT_PREFIX, step);
  }

  /** Whether {@code name} is a checkpoint's folder name (not a kept copy's). */
  public static boolean isCheckpointName(String name) {
    return name.startsWith(CHECKPOINT_PREFIX);
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

  /** Each test slice's outcome. */
  public Path slices() {
    return dir.resolve(SLICES);
  }

  /** The commands that wrote into the folder (also a grid's folder's). */
  public Path provenance() {
    return dir.resolve(PROVENANCE);
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
