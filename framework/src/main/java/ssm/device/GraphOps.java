package ssm.device;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * The distinct ops of a graph with their type attributes: {@code CropAndResize(T=float)}. What a
 * kernel is chosen by (op and types), so what kernel coverage and determinism are checked on.
 * Function bodies in the graph's library are walked too.
 */
public final class GraphOps {
  private GraphOps() {}

  /**
   * One op with one combination of type attributes, as it occurs in a graph.
   *
   * @param op the op type, e.g. {@code CropAndResize}
   * @param types its type attributes, e.g. {@code T=float}, sorted by name; empty when it has none
   * @param nodes how many nodes of the graph have this op and these types
   * @param example one such node (the first): what TensorFlow's errors would name
   */
  public record Signature(String op, String types, int nodes, NodeDef example) {
    @Override
    public String toString() {
      return types.isEmpty() ? op : op + "(" + types + ")";
    }
  }

  /** The signatures of {@code graph}, sorted by op and types. */
  public static List<Signature> of(GraphDef graph) {
    Map<String, List<NodeDef>> groups = new TreeMap<>();
    for (NodeDef n : nodes(graph)) {
      groups.computeIfAbsent(n.getOp() + "\u0000" + types(n), k -> new ArrayList<>()).add(n);
    }
    List<Signature> out = new ArrayList<>();
    groups.forEach(
        (key, list) -> {
          String[] parts = key.split("\u0000", -1);
          out.add(new Signature(parts[0], parts[1], list.size(), list.get(0)));
        });
    return out;
  }

  /** Every node of {@code graph}, those of its library's function bodies included. */
  public static List<NodeDef> nodes(GraphDef graph) {
    List<NodeDef> nodes = new ArrayList<>(graph.getNodeList());
    for (FunctionDef f : graph.getLibrary().getFunctionList()) {
      nodes.addAll(f.getNodeDefList());
    }
    return nodes;
  }

  /** {@code name=dtype} of every type or type-list attribute, sorted by name. */
  static String types(NodeDef n) {
    Map<String, String> types = new TreeMap<>();
    for (Map.Entry<String, AttrValue> a : n.getAttrMap().entrySet()) {
      AttrValue v = a.getValue();
      if (v.getValueCase() == AttrValue.ValueCase.TYPE) {
        types.put(a.getKey(), name(v.getType()));
      } else if (v.getValueCase() == AttrValue.ValueCase.LIST && v.getList().getTypeCount() > 0) {
        types.put(
            a.getKey(),
            v.getList().getTypeList().stream()
                .map(GraphOps::name)
                .collect(Collectors.joining(",", "[", "]")));
      }
    }
    return types.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }

  /** DT_FLOAT -> float, as TensorFlow's own messages write dtypes. */
  static String name(org.tensorflow.proto.DataType t) {
    return t.name().startsWith("DT_")
        ? t.name().substring(3).toLowerCase(java.util.Locale.ROOT)
        : t.name();
  }

  /** Merges several graphs' signatures: node counts add up. */
  public static List<Signature> merge(List<List<Signature>> graphs) {
    Map<String, Signature> merged = new LinkedHashMap<>();
    graphs.stream()
        .flatMap(List::stream)
        .forEach(
            s ->
                merged.merge(
                    s.toString(),
                    s,
                    (a, b) ->
                        new Signature(a.op(), a.types(), a.nodes() + b.nodes(), a.example())));
    return merged.values().stream()
        .sorted(java.util.Comparator.comparing(Signature::toString))
        .toList();
  }
}
