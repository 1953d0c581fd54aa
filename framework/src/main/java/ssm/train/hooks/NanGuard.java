package ssm.train.hooks;

import java.util.Map;
import ssm.train.StepResult;
import ssm.train.TrainingHook;

/**
 * Stops the run at the first NaN or infinite loss, naming the step, the loss term and the slices.
 * Checkpoints are only written at epoch ends, so the last one on disk is still good.
 */
public final class NanGuard implements TrainingHook {

  /** A loss became NaN or infinite. */
  public static final class NonFiniteLossException extends RuntimeException {
    public NonFiniteLossException(String message) {
      super(message);
    }
  }

  @Override
  public void afterStep(StepResult r) {
    for (Map.Entry<String, Float> e : r.losses().entrySet()) {
      if (!Float.isFinite(e.getValue())) {
        throw new NonFiniteLossException(
            String.format(
                "%s is %s at step %d (stage %d, epoch %d; slices %s); stopped, the last checkpoint "
                    + "on disk is from before this step",
                e.getKey(),
                e.getValue(),
                r.state().globalStep(),
                r.state().stage(),
                r.state().epoch() + 1,
                r.slices()));
      }
    }
  }
}
