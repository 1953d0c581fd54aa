package ssm.settings;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Maps enum constants to the kebab-case names of the configs ({@code S_BN <-> s-bn}) and back. */
final class KebabNames {
  private KebabNames() {}

  static String of(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static <E extends Enum<E>> E parse(Class<E> type, String key, String value) {
    for (E constant : type.getEnumConstants()) {
      if (of(constant).equals(value)) {
        return constant;
      }
    }
    String allowed =
        Arrays.stream(type.getEnumConstants())
            .map(KebabNames::of)
            .collect(Collectors.joining(", "));
    throw new IllegalArgumentException(
        String.format("%s = %s is not one of %s", key, value, allowed));
  }
}
