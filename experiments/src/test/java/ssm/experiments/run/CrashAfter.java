package ssm.experiments.run;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import ssm.settings.Settings;
import ssm.settings.Variant;
import ssm.train.StepResult;
import ssm.train.TrainingHook;

/** Dies, as kill -9 would, after {@code steps} steps: no checkpoint, no clean-up. */
record CrashAfter(long steps) implements TrainingHook {
  @Override
  public void afterStep(StepResult r) {
    if (r.state().globalStep() == steps) {
      throw new IllegalStateException("simulated crash at step " + steps);
    }
  }

  /**
   * Trains a run into {@code run} that dies after {@code steps} steps, resumes it with {@code
   * resumeHooks} and returns its final weights.
   */
  static Path crashThenResume(
      Variant v, Settings s, DataSources data, Path run, long steps, List<TrainingHook> resumeHooks)
      throws Exception {
    assertThrows(
        IllegalStateException.class,
        () ->
            TrainingRun.run(
                v,
                s,
                data,
                run,
                TrainingRun.Start.FRESH,
                Map.of(),
                List.of(new CrashAfter(steps))));
    return TrainingRun.run(
        v, s, data, run, new TrainingRun.Start(true, null, null), Map.of(), resumeHooks);
  }
}
