package ssm.experiments.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import ssm.run.RunFolder;
import ssm.settings.Settings;

/**
 * Finds the settings a weights file was trained with: the {@code config.conf} that {@link
 * TrainingRun} writes into its run folder. Final weights sit beside it ({@code RUN/weights
 * .safetensors}); checkpoints, {@code best/} and {@code best-validation/} are two levels below
 * ({@code RUN/checkpoints/ckpt-N/weights.safetensors}).
 */
public final class RunConfig {
  /** How many folders up from the weights' own folder are searched. */
  private static final int LEVELS = 2;

  private RunConfig() {}

  /** The run's {@code config.conf} for {@code weights}, if the weights live in a run folder. */
  public static Optional<Path> of(Path weights) {
    Path dir = weights.toAbsolutePath().normalize().getParent();
    for (int i = 0; i <= LEVELS && dir != null; i++, dir = dir.getParent()) {
      Path conf = dir.resolve(Settings.FILE_NAME);
      if (Files.isRegularFile(conf)) {
        return Optional.of(conf);
      }
      String name = dir.getFileName() == null ? "" : dir.getFileName().toString(); // "/": none
      if (i == 0 && !RunFolder.isCheckpointName(name) && !name.startsWith(RunFolder.BEST)) {
        return Optional.empty(); // only a checkpoint looks further up, for its run's folder
      }
    }
    return Optional.empty();
  }
}
