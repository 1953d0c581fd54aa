package ssm.model;

import java.util.function.Predicate;
import ssm.classify.SHead;
import ssm.settings.UpdateRule;

/**
 * Named groups of parameters, by the reference implementation's names: what each step type may
 * update, what counts as backbone, which are BatchNorm parameters.
 */
public final class ParameterGroups {
  private ParameterGroups() {}

  /** Body and FPN ({@code backbone.*}). */
  public static boolean backbone(String name) {
    return name.startsWith("backbone.");
  }

  /** The image classifier S ({@code s2new.*}). */
  public static boolean sHead(String name) {
    return name.startsWith(SHead.PREFIX);
  }

  /** BatchNorm affine parameters of the body ({@code bn*} and {@code downsample.1}). */
  public static boolean backboneBatchNorm(String name) {
    return backbone(name) && (name.matches(".*\\.bn\\d\\.(weight|bias)$")
        || name.matches(".*\\.downsample\\.1\\.(weight|bias)$"));
  }

  /** What a classification step updates under {@code rule} (paper Section 4). */
  public static Predicate<String> classificationStep(UpdateRule rule) {
    return switch (rule) {
      case S_ONLY -> ParameterGroups::sHead;
      case S_BACKBONE -> n -> sHead(n) || backbone(n);
      case S_BN -> n -> sHead(n) || backboneBatchNorm(n);
    };
  }
}
