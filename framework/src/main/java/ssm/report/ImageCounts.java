package ssm.report;

/**
 * The slices the paper's per-image AP was averaged over.
 *
 * @param scored slices that entered the mean (both gt and predictions, or neither)
 * @param empty of those, slices without lesions and without predictions (each scored 1)
 * @param skipped slices with only one of the two, left out by the paper's rule
 * @param total all slices given
 */
public record ImageCounts(int scored, int empty, int skipped, int total) {

  /**
   * Whether the mean scored no slice with lesions: the model predicted nothing where there were
   * lesions, so its AP measures empty slices only and cannot rank it against another model.
   */
  public boolean noLesionSliceScored() {
    return total > 0 && scored <= empty;
  }
}
