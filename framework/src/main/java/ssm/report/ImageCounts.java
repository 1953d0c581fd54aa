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
   * Whether the mean scored no slice with lesions (the model predicted nothing on any slice with
   * lesions, or none had lesions): its AP then measures empty slices only and cannot rank it
   * against another model. False for counts that do not record the total.
   */
  public boolean noLesionSliceScored() {
    return total > 0 && scored <= empty;
  }
}
