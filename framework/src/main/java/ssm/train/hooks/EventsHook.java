package ssm.train.hooks;

import java.util.LinkedHashMap;
import java.util.Map;
import ssm.events.EventFileWriter;
import ssm.loss.LossTags;
import ssm.train.StepResult;
import ssm.train.TrainingHook;
import ssm.train.TrainingState;

/**
 * Logs every loss term, the learning rate and the speed to the run's TensorBoard event file every
 * {@code period} steps (see docs/reference/tensorboard.md for the tags).
 */
public final class EventsHook implements TrainingHook {
  private final EventFileWriter events;
  private final int period;
  private long lastStep;
  private long lastTime = System.nanoTime();

  public EventsHook(EventFileWriter events, int period) {
    this.events = events;
    this.period = Math.max(1, period);
  }

  @Override
  public void afterStep(StepResult r) {
    long step = r.state().globalStep();
    if (step % period != 0 && r.gradients().isEmpty()) {
      return;
    }
    Map<String, Number> scalars = new LinkedHashMap<>(r.losses());
    Float seg = r.losses().get(LossTags.SEGMENTATION);
    Float cls = r.losses().get(LossTags.CLASSIFICATION);
    if (seg != null || cls != null) {
      scalars.put(LossTags.TOTAL, (seg == null ? 0 : seg) + (cls == null ? 0 : cls));
    }
    scalars.put(TrainingTags.LEARNING_RATE, r.learningRate());
    if (!Double.isNaN(r.classificationLearningRate())) {
      scalars.put(TrainingTags.CLASSIFICATION_LEARNING_RATE, r.classificationLearningRate());
    }
    scalars.put(TrainingTags.STAGE, r.state().stage());
    long now = System.nanoTime();
    if (step > lastStep) {
      scalars.put(TrainingTags.STEPS_PER_SECOND, (step - lastStep) / ((now - lastTime) / 1e9));
    }
    scalars.put(TrainingTags.STEP_MS, r.seconds() * 1000);
    if (r.copiedBranch()) {
      scalars.put(TrainingTags.BRANCH_COPIED, 1);
    }
    lastStep = step;
    lastTime = now;
    events.scalars(step, scalars);
    r.gradients()
        .forEach(
            (name, values) -> events.histogram(TrainingTags.GRADIENTS_PREFIX + name, step, values));
  }

  @Override
  public void afterTraining(TrainingState state) {
    events.flush();
  }
}
