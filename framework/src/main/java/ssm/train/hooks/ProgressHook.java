package ssm.train.hooks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntUnaryOperator;
import java.util.function.ToIntFunction;
import ssm.train.StepResult;
import ssm.train.TrainingHook;
import ssm.train.TrainingState;
import ssm.util.ProgressBar;

/** A progress bar per epoch: stage, epoch, step, running mean of each loss, steps/s and ETA. */
public final class ProgressHook implements TrainingHook {
  private final String name;
  private final IntUnaryOperator epochsOfStage;
  private final ToIntFunction<TrainingState> stepsOfEpoch;
  private final Map<String, double[]> sums = new LinkedHashMap<>();
  private ProgressBar bar;
  private int barEpoch = -1;
  private int barStage = -1;

  /**
   * @param name run name shown first
   * @param epochsOfStage epochs of stage 1 and 2
   * @param stepsOfEpoch steps of the epoch a state is in
   */
  public ProgressHook(
      String name, IntUnaryOperator epochsOfStage, ToIntFunction<TrainingState> stepsOfEpoch) {
    this.name = name;
    this.epochsOfStage = epochsOfStage;
    this.stepsOfEpoch = stepsOfEpoch;
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
                  name, s.stage(), s.epoch() + 1, epochsOfStage.applyAsInt(s.stage())),
              stepsOfEpoch.applyAsInt(s));
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
