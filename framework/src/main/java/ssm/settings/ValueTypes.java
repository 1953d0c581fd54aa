package ssm.settings;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks each value against the type of its default in the reference, beyond Typesafe's {@code
 * checkValid} (which accepts any string where a number is expected, and a fraction where a whole
 * number is): a number must parse, a whole-number default needs a whole number, a list of numbers
 * needs numbers, a boolean a boolean.
 */
public final class ValueTypes {
  private ValueTypes() {}

  /** One line per bad value: {@code my.conf:2: training.epochs = "ten" must be a number}. */
  static List<String> check(Config reference, Config resolved) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<String, ConfigValue> e : reference.entrySet()) {
      String key = e.getKey();
      if (!resolved.hasPath(key)) {
        continue; // checkValid reports missing keys
      }
      String expected = expectation(e.getValue(), resolved, key);
      if (expected != null) {
        ConfigValue actual = resolved.getValue(key);
        problems.add(
            String.format(
                "%s: %s = %s must be %s",
                Origins.describe(actual.origin()),
                key,
                actual.render(ConfigRenderOptions.concise()),
                expected));
      }
    }
    return problems;
  }

  /** What the value at {@code key} should be, or null when it is fine. */
  private static String expectation(ConfigValue reference, Config resolved, String key) {
    try {
      switch (reference.valueType()) {
        case NUMBER -> {
          Number n = resolved.getNumber(key);
          if (declaredWhole(reference, key) && !isWhole(n)) {
            return "a whole number";
          }
        }
        case BOOLEAN -> resolved.getBoolean(key);
        case LIST -> {
          ConfigList list = (ConfigList) reference;
          if (!list.isEmpty() && list.get(0).valueType() == ConfigValueType.NUMBER) {
            resolved.getNumberList(key);
          }
        }
        default -> {}
      }
      return null;
    } catch (ConfigException.WrongType | ConfigException.BadValue ex) {
      return switch (reference.valueType()) {
        case NUMBER -> "a number";
        case BOOLEAN -> "true or false";
        case LIST -> "a list of numbers";
        default -> "of type " + reference.valueType();
      };
    }
  }

  /**
   * Settings whose whole-number default takes fractions: Typesafe reads base.conf's {@code 1.0} as
   * the int 1 and keeps no trace of the decimal point.
   */
  private static final Set<String> FRACTIONS =
      Set.of("training.pseudo-label-weight", "training.collection-adversary-weight");

  /** Whether setting {@code key}, whose default is {@code reference}, takes whole numbers only. */
  public static boolean declaredWhole(ConfigValue reference, String key) {
    return isWhole(reference.unwrapped()) && !FRACTIONS.contains(key);
  }

  private static boolean isWhole(Object n) {
    return n instanceof Integer || n instanceof Long;
  }
}
