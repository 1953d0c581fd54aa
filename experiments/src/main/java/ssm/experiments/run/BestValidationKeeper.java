package ssm.experiments.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import ssm.run.RunFolder;
import ssm.train.CheckpointStore;

/**
 * Writes each evaluated checkpoint's validation metrics to its {@code validation.json} and copies
 * the checkpoint with the highest score so far to {@code checkpoints/best-validation/}. A resumed
 * run reads the score to beat from that copy.
 */
final class BestValidationKeeper {
  static final String METRICS_FILE = RunFolder.VALIDATION;
  private static final ObjectMapper JSON = new ObjectMapper();
  private final CheckpointStore checkpoints;

  BestValidationKeeper(CheckpointStore checkpoints) {
    this.checkpoints = checkpoints;
  }

  /** Whether {@code ckpt}'s validation was recorded (its validation.json written). */
  static boolean validated(Path ckpt) {
    return Files.exists(ckpt.resolve(METRICS_FILE));
  }

  /**
   * Whether {@code ckpt} was written at an epoch's end (the checkpoints a run validates; not the
   * one written after a last epoch that wrote none) and its validation was not recorded.
   */
  boolean awaitsValidation(Path ckpt) throws IOException {
    return !validated(ckpt) && checkpoints.scores(ckpt).isPresent();
  }

  /**
   * Writes the checkpoint's validation.json and keeps it as {@code best-validation/} when its
   * {@code tag} beats the kept one's.
   */
  void keepIfBest(Path ckpt, Map<String, Number> scalars, String tag) throws IOException {
    Path tmp = ckpt.resolve(METRICS_FILE + ".tmp");
    JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), scalars);
    Files.move(tmp, ckpt.resolve(METRICS_FILE), StandardCopyOption.ATOMIC_MOVE);
    keepIfBest(ckpt, tag);
  }

  /**
   * Keeps {@code ckpt}, whose validation.json is written, as {@code best-validation/} when its
   * {@code tag} beats the kept one's. Repeating it changes nothing: a checkpoint does not beat its
   * own score, so a resumed run may call it again for a checkpoint it cannot tell was ranked.
   */
  void keepIfBest(Path ckpt, String tag) throws IOException {
    var recorded = JSON.readTree(ckpt.resolve(METRICS_FILE).toFile()).get(tag);
    if (recorded == null) {
      return; // NaN: nothing was scored
    }
    if (checkpoints.keeps(RunFolder.BEST_VALIDATION, ckpt)) {
      return;
    }
    double score = recorded.asDouble();
    double best = bestSoFar(tag);
    if (score > best) {
      checkpoints.keepAs(ckpt, RunFolder.BEST_VALIDATION);
      System.err.printf(
          "validation %s %.4f (best so far; was %s): kept as %s%n",
          tag,
          score,
          Double.isInfinite(best) ? "none" : String.format("%.4f", best),
          checkpoints.dir().resolve(RunFolder.BEST_VALIDATION));
    } else {
      System.err.printf("validation %s %.4f (best so far %.4f)%n", tag, score, best);
    }
  }

  /** The score of {@code best-validation/}, or -infinity when there is none yet. */
  private double bestSoFar(String tag) throws IOException {
    Path kept = checkpoints.dir().resolve(RunFolder.BEST_VALIDATION).resolve(METRICS_FILE);
    if (!Files.exists(kept)) {
      return Double.NEGATIVE_INFINITY;
    }
    var value = JSON.readTree(kept.toFile()).get(tag);
    return value == null ? Double.NEGATIVE_INFINITY : value.asDouble();
  }
}
