package ssm.train;

/**
 * The training-loss figures saved with a checkpoint ({@code scores.json}), so that a resumed run
 * ranks its next epochs against the same best as an uninterrupted run would.
 *
 * @param epochLoss the mean training loss (segmentation + classification) of the checkpoint's epoch
 * @param bestLoss the lowest epoch loss of the run up to and including this checkpoint
 * @param best whether this checkpoint set that lowest loss (and belongs in {@code best/})
 */
public record TrainingLossRecord(double epochLoss, double bestLoss, boolean best) {}
