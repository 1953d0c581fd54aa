package ssm.train.hooks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import ssm.loss.LossTags;
import ssm.train.Checkpoints;
import ssm.train.StepResult;
import ssm.train.TrainingHook;
import ssm.train.TrainingLossRecord;
import ssm.train.TrainingState;

/**
 * Writes a checkpoint every {@code everyEpochs} epochs and at the end, and keeps as {@code best/}
 * the checkpoint whose epoch had the lowest mean training loss (segmentation + classification).
 * Each checkpoint saves the lowest loss so far, so a run resumed from it ({@link #resumeFrom})
 * ranks its next epochs as the uninterrupted run would.
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

  /**
   * Continues a run from its checkpoint {@code ckpt}: the lowest loss so far is the one saved with
   * it, and {@code best/} is made to hold {@code ckpt} where it set that loss but the run stopped
   * before keeping it.
   */
  public void resumeFrom(Path ckpt) throws IOException {
    last = ckpt;
    Optional<TrainingLossRecord> saved = checkpoints.scores(ckpt);
    if (saved.isEmpty()) {
      return; // a checkpoint without scores: best/ is ranked afresh, as before they were saved
    }
    bestLoss = saved.get().bestLoss();
    if (saved.get().best() && !checkpoints.keeps(Checkpoints.BEST, ckpt)) {
      checkpoints.keepAs(ckpt, Checkpoints.BEST);
    }
  }

  @Override
  public void afterEpoch(TrainingState finished, TrainingState next) throws Exception {
    if ((finished.epoch() + 1) % everyEpochs == 0) {
      double mean = epochLoss / Math.max(1, epochSteps);
      boolean best = mean < bestLoss;
      bestLoss = best ? mean : bestLoss;
      last = checkpoints.save(next, new TrainingLossRecord(mean, bestLoss, best));
      if (best) {
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
