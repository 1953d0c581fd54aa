package ssm.experiments.compare;

import java.nio.file.Files;
import java.nio.file.Path;
import ssm.slices.SliceResults;
import ssm.slices.SliceResultsFile;

/**
 * A run's per-slice results with the name it is shown under.
 *
 * @param name the run as the user named it
 * @param results its slices.json
 */
public record EvaluatedRun(String name, SliceResults results) {
  /** Reads a run folder's slices.json, or the file itself when given one. */
  public static EvaluatedRun read(Path runOrFile) {
    Path file =
        Files.isDirectory(runOrFile) ? runOrFile.resolve(SliceResultsFile.FILE_NAME) : runOrFile;
    return new EvaluatedRun(runOrFile.toString(), SliceResultsFile.read(file));
  }
}
