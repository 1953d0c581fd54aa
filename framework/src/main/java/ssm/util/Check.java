package ssm.util;

/** Argument checks that fail with a message naming the setting or value at fault. */
public final class Check {
  private Check() {}

  /**
   * Throws {@link IllegalArgumentException} with the formatted message unless {@code condition}.
   */
  public static void that(boolean condition, String format, Object... args) {
    if (!condition) {
      throw new IllegalArgumentException(String.format(format, args));
    }
  }

  /** Checks {@code min <= value <= max}; the message names {@code what}. */
  public static void range(String what, double value, double min, double max) {
    that(value >= min && value <= max, "%s = %s is outside [%s, %s]", what, value, min, max);
  }

  /** Checks {@code value > 0}; the message names {@code what}. */
  public static void positive(String what, double value) {
    that(value > 0, "%s = %s must be positive", what, value);
  }
}
