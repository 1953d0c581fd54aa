package ssm.settings;

/**
 * How the classification branch relates to the segmentation branch
 * (docs/model.md#4-variants-and-regimes), HOCON key {@code training.regime}, written in kebab case
 * ({@code shared | frozen | scratch}).
 */
public enum Regime {
  /** Paper 3.2, first approach ("SSM"): Stage I, then one RoI branch serves both tasks. */
  SHARED,
  /** Paper 3.2, second approach ("SSM2"): Stage I, then a never-updated copy of the branch. */
  FROZEN,
  /** Paper 3.3 ("SSM-S"): no Stage I; the segmentation branch is copied when its loss improves. */
  SCRATCH;

  /** The name used in configs and variant names: {@code shared}, {@code frozen}, {@code scratch}. */
  public String configName() {
    return KebabNames.of(this);
  }

  /** Whether this regime has a separate classification RoI branch (frozen and scratch). */
  public boolean twoBranches() {
    return this != SHARED;
  }

  /**
   * Parses a config name; an unknown one throws {@link IllegalArgumentException} naming
   * {@code key}, the value and the allowed names.
   */
  public static Regime parse(String key, String value) {
    return KebabNames.parse(Regime.class, key, value);
  }
}
