package ssm.model;

import ssm.classify.SHead;

/**
 * Named groups of parameters, by the reference implementation's names: what counts as backbone, as
 * S, as the backbone's BatchNorm parameters. {@link StepUpdates} says which each step updates.
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
    return backbone(name)
        && (name.matches(".*\\.bn\\d\\.(weight|bias)$")
            || name.matches(".*\\.downsample\\.1\\.(weight|bias)$"));
  }
}
