package ssm.settings;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds keys that the reference (configs/base.conf) does not have. Typesafe's {@code checkValid}
 * lets them through, so a misspelt override would otherwise be ignored silently.
 */
final class UnknownKeys {
  private final Set<String> known = new HashSet<>();
  private final Set<String> leafSet = new HashSet<>();
  private final List<String> leaves = new ArrayList<>();

  /** Knows every leaf of {@code reference} and every object path above one. */
  UnknownKeys(Config reference) {
    for (Map.Entry<String, ConfigValue> e : reference.entrySet()) {
      leaves.add(e.getKey());
      leafSet.add(e.getKey());
      String path = e.getKey();
      known.add(path);
      for (int dot = path.lastIndexOf('.'); dot > 0; dot = path.lastIndexOf('.', dot - 1)) {
        known.add(path.substring(0, dot));
      }
    }
  }

  /**
   * One line per unknown key of {@code layer}, sorted: {@code training.learnig-rate at my.conf:3 is
   * not a setting; did you mean training.learning-rate?}
   */
  List<String> find(Config layer) {
    return layer.entrySet().stream()
        .filter(e -> !known.contains(e.getKey()) && !belowALeaf(e.getKey()))
        .map(e -> describe(e.getKey(), e.getValue()))
        .sorted()
        .toList();
  }

  /** {@code training.epochs.a}: an object where a value belongs, a type error for checkValid. */
  private boolean belowALeaf(String key) {
    for (int dot = key.lastIndexOf('.'); dot > 0; dot = key.lastIndexOf('.', dot - 1)) {
      if (leafSet.contains(key.substring(0, dot))) {
        return true;
      }
    }
    return false;
  }

  private String describe(String key, ConfigValue value) {
    String line = key + " at " + Origins.describe(value.origin()) + " is not a setting";
    String closest =
        leaves.stream()
            .min(Comparator.comparingInt((String k) -> editDistance(k, key)).thenComparing(k -> k))
            .orElse(null);
    if (closest != null && editDistance(closest, key) <= Math.max(3, key.length() / 3)) {
      line += "; did you mean " + closest + "?";
    }
    return line;
  }

  /** Levenshtein distance: insertions, deletions and substitutions of one character. */
  static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
