package ssm.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Conversions shared by the report's parts: an undefined figure (NaN) is stored as null. */
final class Figures {
  private Figures() {}

  /** {@code v}, or null where it is NaN or infinite. */
  static Double defined(double v) {
    return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
  }

  /** One figure per class name, in class order; undefined ones null. */
  static Map<String, Double> perClass(List<String> names, double[] values) {
    Map<String, Double> m = new LinkedHashMap<>();
    for (int c = 0; c < names.size(); c++) {
      m.put(names.get(c), defined(values[c]));
    }
    return Collections.unmodifiableMap(m);
  }

  /** An unmodifiable copy that keeps null values (Map.copyOf refuses them); null stays null. */
  static <V> Map<String, V> copy(Map<String, V> m) {
    return m == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }

  /** An unmodifiable copy; null stays null. */
  static <T> List<T> copy(List<T> l) {
    return l == null ? null : List.copyOf(l);
  }
}
