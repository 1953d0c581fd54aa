package ssm.model;

import java.util.function.Predicate;
import ssm.roi.ClassificationRoiSource;
import ssm.settings.UpdateRule;

/**
 * Which parameters each step type updates (docs/explanation/model.md#53-update-rules), by parameter
 * name: the update rule of a classification step (paper Section 4, {@code training.update-rule})
 * and, beside it, the segmentation step's fixed rule.
 */
public final class StepUpdates {
  private StepUpdates() {}

  /**
   * What a classification step (Eq. 2) updates under {@code rule}; {@code classificationSource}
   * names S's own RoI branch, which the branch rules add.
   */
  public static Predicate<String> classificationStep(
      UpdateRule rule, ClassificationRoiSource classificationSource) {
    Predicate<String> branch = classificationSource::owns;
    Predicate<String> s = ParameterGroups::sHead;
    return switch (rule) {
      case S_ONLY -> s;
      case S_BACKBONE -> s.or(ParameterGroups::backbone);
      case S_BN -> s.or(ParameterGroups::backboneBatchNorm);
      case S_BRANCH -> s.or(branch);
      case S_BRANCH_BACKBONE -> s.or(branch).or(ParameterGroups::backbone);
    };
  }

  /**
   * What a segmentation step (Eq. 1) updates: everything but S and the classification branch's own
   * parameters (which change only by the copy rule), whatever the update rule.
   */
  public static Predicate<String> segmentationStep(ClassificationRoiSource classificationSource) {
    return n -> !ParameterGroups.sHead(n) && !classificationSource.owns(n);
  }
}
