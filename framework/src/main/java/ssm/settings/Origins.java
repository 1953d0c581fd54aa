package ssm.settings;

import com.typesafe.config.ConfigOrigin;

/**
 * Short descriptions of where a value came from: {@code my.conf:3} for a file (as the user named
 * it), {@code configs/variants/frozen-r34-2.conf:2} for a built-in resource, {@code --set k=v} for
 * a command-line override.
 */
final class Origins {
  private Origins() {}

  static String describe(ConfigOrigin origin) {
    String where;
    if (origin.filename() != null) {
      where = origin.filename();
    } else if (origin.resource() != null) {
      where = origin.resource();
    } else {
      // A description of our own (--set, --variant); Typesafe appends ": line" to it.
      return origin.description().replaceFirst(": -?\\d+$", "");
    }
    return origin.lineNumber() > 0 ? where + ":" + origin.lineNumber() : where;
  }
}
