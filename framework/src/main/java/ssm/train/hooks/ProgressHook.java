package ssm.train.hooks;

import java.util.LinkedHashMap;
import java.util.Map;
import ssm.train.StagePlan;
import ssm.train.StepResult;
import ssm.train.TrainingHook;
import ssm.train.TrainingState;
import ssm.util.ProgressBar;

/** A progress bar per epoch: stage, epoch, step, running mean of each loss, steps/s and ETA. */
public final class ProgressHook implements TrainingHook {
  private final String name;
  private final StagePlan plan;
  private final Map<String, double[]> sums = new LinkedHashMap<>();
  private ProgressBar bar;
  private int barEpoch = -1;
  private int barStage = -1;

  /**
   * @param name run name shown first
   * @param plan the run's epochs per stage and steps per epoch
   */
  public ProgressHook(String name, StagePlan plan) {
    this.name = name;
    this.plan = plan;
  }

  @Override
  public void afterStep(StepResult r) {
    TrainingState s = r.state();
    if (bar == null || s.epoch() != barEpoch || s.stage() != barStage) {
      barEpoch = s.epoch();
      barStage = s.stage();
      sums.clear();
      bar =
          new ProgressBar(
              String.format(
                  "%s stage %d epoch %d/%d",
                  name, s.stage(), s.epoch() + 1, plan.epochs(s.stage())),
              plan.stepsPerEpoch(s.stage()));
    }
    r.losses()
        .forEach(
            (tag, v) -> {
              double[] a = sums.computeIfAbsent(tag, t -> new double[2]);
              a[0] += v;
              a[1]++;
            });
    StringBuilder extra = new StringBuilder();
    sums.forEach(
        (tag, a) -> extra.append(String.format("%s %.3f ", tag.replace("loss/", ""), a[0] / a[1])));
    bar.update(s.position(), extra.toString().trim());
  }
}
