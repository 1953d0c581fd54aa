package ssm.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The items a reader skipped because they were bad (reader option {@code skipBad}), one entry per
 * source, in the order first seen. Thread-safe: the prefetch thread adds, the caller reports.
 */
public final class BadItems {
  private final Map<String, String> reasons = new LinkedHashMap<>();

  /** Records a skipped item; a source seen before keeps its first reason. */
  public synchronized void add(DataException e) {
    reasons.putIfAbsent(e.source(), e.reason());
  }

  /** How many distinct items were skipped. */
  public synchronized int count() {
    return reasons.size();
  }

  /** {@code "source: reason"} for each skipped item. */
  public synchronized List<String> messages() {
    List<String> out = new ArrayList<>();
    reasons.forEach((s, r) -> out.add(s + ": " + r));
    return out;
  }

  /** One line with the count, then one line per item; "no bad items" when none. */
  public synchronized String summary() {
    if (reasons.isEmpty()) {
      return "no bad items";
    }
    StringBuilder sb =
        new StringBuilder("skipped ")
            .append(reasons.size())
            .append(" bad item")
            .append(reasons.size() == 1 ? "" : "s")
            .append(':');
    messages().forEach(m -> sb.append("\n  ").append(m));
    return sb.toString();
  }
}
