package ssm.train.hooks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import ssm.loss.LossTags;
import ssm.run.RunFolder;
import ssm.train.CheckpointStore;
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
  private final CheckpointStore store;
  private final CheckpointStore.TensorFiles tensors;
  private final int everyEpochs;
  private double epochLoss;
  private long epochSteps;
  private double bestLoss = Double.POSITIVE_INFINITY;
  private Path last;

  /**
   * @param store where the checkpoints go
   * @param tensors what each checkpoint holds besides its counters (the session's weights and
   *     optimizer state)
   * @param everyEpochs a checkpoint every this many epochs
   */
  public CheckpointHook(
      CheckpointStore store, CheckpointStore.TensorFiles tensors, int everyEpochs) {
    this.store = store;
    this.tensors = tensors;
    this.everyEpochs = everyEpochs;
  }

  /**
   * Continues a run from its checkpoint {@code ckpt}: the lowest loss so far is the one saved with
   * it, and {@code best/} is made to hold {@code ckpt} where it set that loss but the run stopped
   * before keeping it.
   */
  public void resumeFrom(Path ckpt) throws IOException {
    last = ckpt;
    Optional<TrainingLossRecord> saved = store.scores(ckpt);
    if (saved.isEmpty()) {
      return; // a checkpoint without scores: best/ is ranked afresh, as before they were saved
    }
    bestLoss = saved.get().bestLoss();
    if (saved.get().best() && !store.keeps(RunFolder.BEST, ckpt)) {
      store.keepAs(ckpt, RunFolder.BEST);
    }
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
      double mean = epochLoss / Math.max(1, epochSteps);
      boolean best = mean < bestLoss;
      bestLoss = best ? mean : bestLoss;
      last = store.write(next, new TrainingLossRecord(mean, bestLoss, best), tensors);
      if (best) {
        store.keepAs(last, RunFolder.BEST);
      }
    }
    epochLoss = 0;
    epochSteps = 0;
  }

  @Override
  public void afterTraining(TrainingState state) throws Exception {
    if (last == null
        || !last.getFileName().toString().equals(RunFolder.checkpointName(state.globalStep()))) {
      last = store.write(state, null, tensors);
    }
  }

  /** The last checkpoint written, or null. */
  public Path last() {
    return last;
  }
}
