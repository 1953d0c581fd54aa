package ssm.settings;

import com.typesafe.config.Config;
import ssm.util.Check;

/**
 * Evaluation settings, HOCON section {@code eval}.
 *
 * @param lesionAreaScore the lesion area's Dice, sensitivity and specificity count the detections
 *     scoring at least this ({@link ssm.metrics.LesionAreaMetrics})
 */
public record EvalSettings(double lesionAreaScore) {
  public EvalSettings {
    Check.that(
        lesionAreaScore >= 0 && lesionAreaScore <= 1,
        "eval.lesion-area-score = %s must be in [0, 1]",
        lesionAreaScore);
  }

  static EvalSettings from(Config c) {
    return new EvalSettings(c.getDouble("lesion-area-score"));
  }
}
