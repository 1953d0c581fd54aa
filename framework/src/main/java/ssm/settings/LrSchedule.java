package ssm.settings;

import com.typesafe.config.Config;
import ssm.util.Check;

/**
 * The learning-rate schedule of each training stage, HOCON section {@code training.lr-schedule}.
 * Steps count from 0 within a stage (Stage I and Stage II each start their own schedule; Stage I of
 * a grid is a run of its own). Step {@code s} of a stage of {@code n} steps uses the base learning
 * rate times {@link #factor(long, long)}:
 *
 * <pre>
 *   s &lt; W (warm-up):        (s + 1) / W
 *   constant:               1
 *   cosine:                 f + (1 - f) * (1 + cos(pi * p)) / 2,   p = (s - W) / (n - W - 1)
 * </pre>
 *
 * with W = {@code warmup-steps} and f = {@code final-factor}: the cosine starts at 1 on the first
 * step after the warm-up and reaches f on the stage's last step. The default (no warm-up, constant)
 * is the paper's protocol.
 *
 * @param warmupSteps steps of linear warm-up at the start of each stage, 0 or more
 * @param decay what follows the warm-up
 * @param finalFactor the cosine's last factor, in [0, 1]
 */
public record LrSchedule(int warmupSteps, LrDecay decay, double finalFactor) {
  /** No warm-up, no decay (base.conf's default). */
  public static final LrSchedule CONSTANT = new LrSchedule(0, LrDecay.CONSTANT, 0.01);

  public LrSchedule {
    Check.that(
        warmupSteps >= 0, "training.lr-schedule.warmup-steps = %s must be >= 0", warmupSteps);
    Check.that(decay != null, "training.lr-schedule.decay is missing");
    Check.range("training.lr-schedule.final-factor", finalFactor, 0, 1);
  }

  /** Reads section {@code training.lr-schedule} of a resolved config. */
  public static LrSchedule from(Config c) {
    return new LrSchedule(
        c.getInt("warmup-steps"),
        LrDecay.parse("training.lr-schedule.decay", c.getString("decay")),
        c.getDouble("final-factor"));
  }

  /**
   * The factor of the base learning rate at step {@code step} (from 0) of a stage of {@code steps}
   * steps; a step past the end (a resumed run given fewer epochs) keeps the last factor.
   */
  public double factor(long step, long steps) {
    Check.that(step >= 0, "step %s is negative", step);
    if (step < warmupSteps) {
      return (step + 1) / (double) warmupSteps;
    }
    if (decay == LrDecay.CONSTANT) {
      return 1;
    }
    long span = steps - warmupSteps - 1;
    double p = span <= 0 ? 1 : Math.min(1, (step - warmupSteps) / (double) span);
    return finalFactor + (1 - finalFactor) * (1 + Math.cos(Math.PI * p)) / 2;
  }
}
