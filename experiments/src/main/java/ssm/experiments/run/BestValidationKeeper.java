package ssm.experiments.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import ssm.train.Checkpoints;

/**
 * Writes each evaluated checkpoint's validation metrics to its {@code validation.json} and copies
 * the checkpoint with the highest score so far to {@code checkpoints/best-validation/}. A resumed
 * run reads the score to beat from that copy.
 */
final class BestValidationKeeper {
  static final String METRICS_FILE = "validation.json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Checkpoints checkpoints;

  BestValidationKeeper(Checkpoints checkpoints) {
    this.checkpoints = checkpoints;
  }

  /**
   * Writes the checkpoint's validation.json and keeps it as {@code best-validation/} when its
   * {@code tag} beats the kept one's.
   */
  void keepIfBest(Path ckpt, Map<String, Number> scalars, String tag) throws IOException {
    Path tmp = ckpt.resolve(METRICS_FILE + ".tmp");
    JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), scalars);
    Files.move(tmp, ckpt.resolve(METRICS_FILE), StandardCopyOption.ATOMIC_MOVE);
    Number score = scalars.get(tag);
    if (score == null) {
      return; // NaN: nothing was scored
    }
    double best = bestSoFar(tag);
    if (score.doubleValue() > best) {
      checkpoints.keepAs(ckpt, Checkpoints.BEST_VALIDATION);
      System.err.printf(
          "validation %s %.4f (best so far; was %s): kept as %s%n",
          tag,
          score.doubleValue(),
          Double.isInfinite(best) ? "none" : String.format("%.4f", best),
          checkpoints.dir().resolve(Checkpoints.BEST_VALIDATION));
    } else {
      System.err.printf("validation %s %.4f (best so far %.4f)%n", tag, score.doubleValue(), best);
    }
  }

  /** The score of {@code best-validation/}, or -infinity when there is none yet. */
  private double bestSoFar(String tag) throws IOException {
    Path kept = checkpoints.dir().resolve(Checkpoints.BEST_VALIDATION).resolve(METRICS_FILE);
    if (!Files.exists(kept)) {
      return Double.NEGATIVE_INFINITY;
    }
    var value = JSON.readTree(kept.toFile()).get(tag);
    return value == null ? Double.NEGATIVE_INFINITY : value.asDouble();
  }
}
