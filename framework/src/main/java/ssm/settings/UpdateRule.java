package ssm.settings;

/**
 * What the classification step updates (paper Section 4), HOCON key {@code training.update-rule},
 * written in kebab case ({@code s-only | s-backbone | s-bn | s-branch | s-branch-backbone}). The
 * paper's tables use {@link #S_BACKBONE}; the two branch rules go beyond the paper and need S's
 * loss to reach the branch ({@code model.classifier.roi-gradient = true}).
 */
public enum UpdateRule {
  /** The image classifier S alone. */
  S_ONLY,
  /** S and the full backbone (body and FPN). */
  S_BACKBONE,
  /** S and the backbone's BatchNorm parameters. */
  S_BN,
  /** S and the second RoI branch that feeds it (frozen, scratch; the shared regime has none). */
  S_BRANCH,
  /** S, the second RoI branch and the full backbone. */
  S_BRANCH_BACKBONE;

  /** Whether the rule updates S's own RoI branch, which only a gradient through the batch moves. */
  public boolean updatesBranch() {
    return this == S_BRANCH || this == S_BRANCH_BACKBONE;
  }

  /** The name used in configs: {@code s-only}, {@code s-backbone}, {@code s-bn}. */
  public String configName() {
    return KebabNames.of(this);
  }

  /**
   * Parses a config name; an unknown one throws {@link IllegalArgumentException} naming {@code
   * key}, the value and the allowed names.
   */
  public static UpdateRule parse(String key, String value) {
    return KebabNames.parse(UpdateRule.class, key, value);
  }
}
