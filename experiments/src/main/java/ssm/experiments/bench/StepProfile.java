package ssm.experiments.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.RunMetadata;

/**
 * Where a traced Session.run spent its time: TensorFlow's step statistics ({@code RunOptions} trace
 * level FULL_TRACE) summed per op type and per name scope. Times are each kernel's own compute time
 * (start to op end); with inter-op parallelism they may add up to more than the wall time of the
 * run.
 */
public final class StepProfile {
  /** One aggregated row: total microseconds and number of kernel executions. */
  public record Row(String key, long micros, int count) {}

  private final Map<String, long[]> byType = new HashMap<>();
  private final Map<String, long[]> byScope = new HashMap<>();
  private long totalMicros;
  private long wallMicros;
  private int runs;

  /** Adds the step statistics of one traced run. */
  public void add(RunMetadata metadata) {
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (DeviceStepStats dev : metadata.getStepStats().getDevStatsList()) {
      for (NodeExecStats n : dev.getNodeStatsList()) {
        long micros = Math.max(0, n.getOpEndRelMicros());
        first = Math.min(first, n.getAllStartMicros());
        last = Math.max(last, n.getAllStartMicros() + n.getAllEndRelMicros());
        String type = opType(n);
        accumulate(byType, type, micros);
        accumulate(byScope, scope(n.getNodeName()), micros);
        totalMicros += micros;
      }
    }
    if (first != Long.MAX_VALUE) {
      wallMicros += last - first;
    }
    runs++;
  }

  private static void accumulate(Map<String, long[]> map, String key, long micros) {
    long[] v = map.computeIfAbsent(key, k -> new long[2]);
    v[0] += micros;
    v[1]++;
  }

  /** The op type, from the timeline label {@code name = Type(inputs)} (fused ops included). */
  static String opType(NodeExecStats n) {
    String label = n.getTimelineLabel();
    int eq = label.indexOf(" = ");
    if (eq >= 0) {
      int paren = label.indexOf('(', eq);
      return label.substring(eq + 3, paren < 0 ? label.length() : paren).trim();
    }
    return n.getNodeName().isEmpty() ? "?" : "(" + n.getNodeName() + ")";
  }

  /**
   * The name scope of a node: its first two path components ({@code backbone/layer2}, {@code
   * roi_align/CropAndResize} stays {@code roi_align}), gradients grouped under their forward scope
   * ({@code gradients/backbone/...} -> {@code gradients/backbone}).
   */
  static String scope(String name) {
    String[] parts = name.split("/");
    if (parts.length <= 1) {
      return "(root)";
    }
    int keep = 1;
    if (parts[0].startsWith("gradients")
        || parts[0].equals("segmentation_step")
        || parts[0].equals("optimizer")) {
      keep = 2;
    }
    if (parts.length - 1 <= keep) {
      keep = parts.length - 1;
    }
    if (keep > 1
        && parts[0].startsWith("gradients")
        && parts[1].equals("segmentation_step")
        && parts.length > 3) {
      keep = 3;
    }
    return String.join("/", java.util.Arrays.copyOf(parts, keep));
  }

  /** Runs added. */
  public int runs() {
    return runs;
  }

  /** Mean wall microseconds of a run (first kernel start to last kernel end). */
  public double wallMicrosPerRun() {
    return runs == 0 ? 0 : (double) wallMicros / runs;
  }

  /** Mean summed kernel microseconds of a run. */
  public double kernelMicrosPerRun() {
    return runs == 0 ? 0 : (double) totalMicros / runs;
  }

  /** The {@code top} op types by time, per run. */
  public List<Row> topTypes(int top) {
    return top(byType, top);
  }

  /** The {@code top} name scopes by time, per run. */
  public List<Row> topScopes(int top) {
    return top(byScope, top);
  }

  private List<Row> top(Map<String, long[]> map, int top) {
    List<Row> rows = new ArrayList<>();
    int r = Math.max(1, runs);
    map.forEach((k, v) -> rows.add(new Row(k, v[0] / r, (int) (v[1] / r))));
    rows.sort(Comparator.comparingLong(Row::micros).reversed());
    return rows.subList(0, Math.min(top, rows.size()));
  }

  /** A markdown table of the top op types and scopes. */
  public String markdown(String title, int top) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            "%s: %d traced run(s), wall %.1f ms/run, kernels %.1f ms/run%n%n",
            title, runs, wallMicrosPerRun() / 1000, kernelMicrosPerRun() / 1000));
    b.append("| op type | ms/run | % | kernels/run |\n|---|---:|---:|---:|\n");
    for (Row row : topTypes(top)) {
      b.append(row(row));
    }
    b.append("\n| name scope | ms/run | % | kernels/run |\n|---|---:|---:|---:|\n");
    for (Row row : topScopes(top)) {
      b.append(row(row));
    }
    return b.toString();
  }

  private String row(Row row) {
    return String.format(
        "| %s | %.2f | %.1f | %d |%n",
        row.key(),
        row.micros() / 1000.0,
        100.0 * row.micros() / Math.max(1, kernelMicrosPerRun()),
        row.count());
  }

  /** The aggregated rows as maps, for JSON. */
  public Map<String, Object> toMap(int top) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("runs", runs);
    m.put("wall_ms_per_run", wallMicrosPerRun() / 1000);
    m.put("kernel_ms_per_run", kernelMicrosPerRun() / 1000);
    m.put("by_op_type", rows(topTypes(top)));
    m.put("by_scope", rows(topScopes(top)));
    return m;
  }

  private static List<Map<String, Object>> rows(List<Row> rows) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Row r : rows) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("key", r.key());
      m.put("ms", r.micros() / 1000.0);
      m.put("kernels", r.count());
      out.add(m);
    }
    return out;
  }
}
