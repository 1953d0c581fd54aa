package ssm.settings;

/**
 * How the learning rate falls after the warm-up, HOCON key {@code training.lr-schedule.decay},
 * written in kebab case ({@code constant | cosine}).
 */
public enum LrDecay {
  /** The base learning rate to the end of the stage (the paper's protocol). */
  CONSTANT,
  /** Half a cosine from the base rate to {@code final-factor} times it at the stage's last step. */
  COSINE;

  /** The name used in configs: {@code constant}, {@code cosine}. */
  public String configName() {
    return KebabNames.of(this);
  }

  /**
   * Parses a config name; an unknown one throws {@link IllegalArgumentException} naming {@code
   * key}, the value and the allowed names.
   */
  public static LrDecay parse(String key, String value) {
    return KebabNames.parse(LrDecay.class, key, value);
  }
}
