package ssm.settings;

import java.util.List;

/**
 * Settings that cannot be used: an unknown key, a value of the wrong type or out of range, a
 * missing file or variant. Each problem is one line naming the origin (file:line), the key and the
 * value, e.g. {@code my.conf:3: training.learning-rate = -1.0 must be positive}.
 */
public final class SettingsException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  /** One exception for all {@code problems} found (at least one), one line each. */
  public SettingsException(List<String> problems) {
    this(problems, null);
  }

  /** As {@link #SettingsException(List)}, keeping the exception that revealed the problem. */
  public SettingsException(List<String> problems, Throwable cause) {
    super(String.join("\n", problems), cause);
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a SettingsException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** A single problem. */
  public SettingsException(String problem) {
    this(List.of(problem));
  }

  /** The problems, one line each, in the order found. */
  public List<String> problems() {
    return problems;
  }
}
