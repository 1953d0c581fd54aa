package ssm.experiments.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import ssm.model.ParameterCount;
import ssm.settings.Settings;
import ssm.settings.Variant;
import ssm.wiring.ModelWiring;

/**
 * {@code ssm params}: the parameter counts of the 12 variants (paper Table 1), counted from the
 * parameter registry of each variant's graph.
 */
@Command(
    name = "params",
    mixinStandardHelpOptions = true,
    description = "Parameter counts of the 12 variants (paper Table 1), as markdown or JSON.")
final class ParamsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin SettingsOptions settingsOptions;

  @Option(names = "--json", description = "Print JSON instead of a markdown table.")
  boolean json;

  @Option(names = "--only", description = "Count only this variant (default: all 12).")
  String only;

  @Override
  public Integer call() throws Exception {
    List<Variant> variants = only == null ? Variant.all() : List.of(Variant.parse(only));
    // Frozen and scratch variants share an architecture: count each architecture once.
    Map<String, ParameterCount> byArchitecture = new HashMap<>();
    ArrayNode rows = new ObjectMapper().createArrayNode();
    for (Variant v : variants) {
      Settings s = settingsOptions.settingsFor(v);
      String key =
          v.depth() + "-" + v.blocks() + "-" + v.twoBranches() + "-" + s.training().updateRule();
      ParameterCount c =
          byArchitecture.computeIfAbsent(
              key, k -> ParameterCount.of(ModelWiring.model(v, s), s.training().updateRule()));
      ObjectNode row = rows.addObject();
      row.put("variant", v.name());
      row.put("paper", v.paperLabel());
      row.put("backbone", "ResNet" + v.depth());
      row.put("blocks", v.blocks());
      row.put("regime", v.regime().configName());
      row.put("branches", v.twoBranches() ? 2 : 1);
      row.put("total_parameters", c.total());
      row.put("classification_step_parameters", c.classificationStep());
      row.put("update_rule", s.training().updateRule().configName());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(rows));
    } else {
      out.println(
          "| variant | paper | backbone | blocks | regime | total parameters "
              + "| updated by the classification step |");
      out.println("|---|---|---|---|---|---:|---:|");
      rows.forEach(
          r ->
              out.printf(
                  "| %s | %s | %s | %d | %s | %,d | %,d (%s) |%n",
                  r.get("variant").asText(),
                  r.get("paper").asText(),
                  r.get("backbone").asText(),
                  r.get("blocks").asInt(),
                  r.get("regime").asText(),
                  r.get("total_parameters").asLong(),
                  r.get("classification_step_parameters").asLong(),
                  r.get("update_rule").asText()));
    }
    out.flush();
    return 0;
  }
}
