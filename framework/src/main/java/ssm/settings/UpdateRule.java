package ssm.settings;

/**
 * What the classification step updates (paper Section 4), HOCON key {@code training.update-rule},
 * written in kebab case ({@code s-only | s-backbone | s-bn}). The paper's tables use {@link
 * #S_BACKBONE}.
 */
public enum UpdateRule {
  /** The image classifier S alone. */
  S_ONLY,
  /** S and the full backbone (body and FPN). */
  S_BACKBONE,
  /** S and the backbone's BatchNorm parameters. */
  S_BN;

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
