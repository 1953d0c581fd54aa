package ssm.train.hooks;

import java.nio.file.Path;
import ssm.loss.LossTags;
import ssm.train.Checkpoints;
import ssm.train.StepResult;
import ssm.train.TrainingHook;
import ssm.train.TrainingState;

/**
 * Writes a checkpoint every {@code everyEpochs} epochs and at the end, and keeps as {@code best/}
 * the checkpoint whose epoch had the lowest mean training loss (segmentation + classification).
 */
public final class CheckpointHook implements TrainingHook {
  private final Checkpoints checkpoints;
  private final int everyEpochs;
  private double epochLoss;
  private long epochSteps;
  private double bestLoss = Double.POSITIVE_INFINITY;
  private Path last;

  public CheckpointHook(Checkpoints checkpoints, int everyEpochs) {
    this.checkpoints = checkpoints;
    this.everyEpochs = everyEpochs;
  }

  @Override
  public void afterStep(StepResult r) {
    Float seg = r.losses().get(LossTags.SEGMENTATION);
    Float cls = r.losses().get(LossTags.CLASSIFICATION);
    epochLoss += (seg == null ? 0 : seg) + (cls == null ? 0 : cls);
    epochSteps++;
  }

  @Override
  public void afterEpoch(TrainingState finished, TrainingState next) throws Exception {
    if ((finished.epoch() + 1) % everyEpochs == 0) {
      last = checkpoints.save(next);
      double mean = epochLoss / Math.max(1, epochSteps);
      if (mean < bestLoss) {
        bestLoss = mean;
        checkpoints.keepAs(last, Checkpoints.BEST);
      }
    }
    epochLoss = 0;
    epochSteps = 0;
  }

  @Override
  public void afterTraining(TrainingState state) throws Exception {
    if (last == null
        || !last.getFileName().toString().endsWith(String.format("%09d", state.globalStep()))) {
      last = checkpoints.save(state);
    }
  }

  /** The last checkpoint written, or null. */
  public Path last() {
    return last;
  }
}
