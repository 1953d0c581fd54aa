package ssm.experiments.tables;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigRenderOptions;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import ssm.settings.Settings;
import ssm.settings.Variant;

/**
 * The caption line that says what each run of a table trained with, read from the run's own {@code
 * config.conf}: input size, Stage I epochs (shared and frozen only), Stage II epochs and learning
 * rate. A setting all runs share is given once; one that differs (a profile's {@code per-variant}
 * blocks) names the runs of each value, the largest group as "the other N".
 */
final class TrainingBudgets {
  /** One setting: its phrase when all runs share it, its heading when they differ, its value. */
  private record Aspect(
      String same, String differs, boolean stageOneOnly, Function<Config, String> value) {}

  private static final List<Aspect> ASPECTS =
      List.of(
          new Aspect(
              "input %s",
              "**Input differs**",
              false,
              c ->
                  value(c, "model.input.min-size")
                      + " px (max "
                      + value(c, "model.input.max-size")
                      + ")"),
          new Aspect(
              "Stage I %s (shared and frozen)",
              "**Stage I epochs differ** (shared and frozen)",
              true,
              c -> epochs(c, "training.stage1-epochs")),
          new Aspect(
              "Stage II %s",
              "**Stage II epochs differ**", false, c -> epochs(c, "training.epochs")),
          new Aspect(
              "learning rate %s",
              "**Learning rate differs**", false, TrainingBudgets::learningRates));

  private TrainingBudgets() {}

  /**
   * E.g. {@code "Training budget (each run's config.conf), the same for all 12 runs: Stage I 2
   * epochs (shared and frozen), learning rate 1e-3. **Stage II epochs differ**: 4 epochs for
   * shared-r34-3; 2 epochs for the other 11."}; "" when there are no runs.
   */
  static String caption(List<PaperTables.Run> runs) {
    if (runs.isEmpty()) {
      return "";
    }
    Map<Variant, Config> configs = new LinkedHashMap<>();
    List<String> unknown = new ArrayList<>();
    runs.stream()
        .sorted(Comparator.comparingInt(r -> Variant.all().indexOf(r.variant())))
        .forEach(
            r ->
                config(r)
                    .ifPresentOrElse(
                        c -> configs.put(r.variant(), c), () -> unknown.add(r.variant().name())));
    List<String> same = new ArrayList<>();
    List<String> differ = new ArrayList<>();
    for (Aspect a : ASPECTS) {
      Map<String, List<String>> groups = new LinkedHashMap<>();
      configs.forEach(
          (v, c) -> {
            if (!a.stageOneOnly() || v.regime().hasStageOne()) {
              groups.computeIfAbsent(a.value().apply(c), k -> new ArrayList<>()).add(v.name());
            }
          });
      if (groups.size() == 1) {
        same.add(String.format(a.same(), groups.keySet().iterator().next()));
      } else if (groups.size() > 1) {
        differ.add(a.differs() + ": " + groups(groups) + ".");
      }
    }
    if (configs.isEmpty()) {
      return "Training budget unknown (no readable config.conf): "
          + String.join(", ", unknown)
          + ".";
    }
    StringBuilder b = new StringBuilder("Training budget (each run's config.conf)");
    if (!same.isEmpty()) {
      b.append(configs.size() == 1 ? ": " : ", the same for all " + configs.size() + " runs: ")
          .append(String.join(", ", same));
    }
    b.append('.');
    differ.forEach(d -> b.append(' ').append(d));
    if (!unknown.isEmpty()) {
      b.append(" Unknown (no readable config.conf): ")
          .append(String.join(", ", unknown))
          .append('.');
    }
    return b.toString();
  }

  /**
   * {@code "4 epochs for a, b; 5 epochs for c; 2 epochs for the other 8"}: the values in the order
   * of their first run, the largest group (the first of equals) last, as "the other N" when it
   * holds more than one.
   */
  private static String groups(Map<String, List<String>> groups) {
    String largest = null;
    for (Map.Entry<String, List<String>> g : groups.entrySet()) {
      if (largest == null || g.getValue().size() > groups.get(largest).size()) {
        largest = g.getKey();
      }
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, List<String>> g : groups.entrySet()) {
      if (!g.getKey().equals(largest)) {
        parts.add(g.getKey() + " for " + String.join(", ", g.getValue()));
      }
    }
    List<String> rest = groups.get(largest);
    parts.add(
        largest
            + " for "
            + (rest.size() > 1 ? "the other " + rest.size() : String.join(", ", rest)));
    return String.join("; ", parts);
  }

  private static Optional<Config> config(PaperTables.Run r) {
    Path file = r.file().resolveSibling(Settings.FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(ConfigFactory.parseFile(file.toFile()));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** {@code "1 epoch"}, {@code "2 epochs"}. */
  private static String epochs(Config c, String path) {
    String n = value(c, path);
    return n + (n.equals("1") ? " epoch" : " epochs");
  }

  /**
   * {@code "1e-4"}, or {@code "6e-4 in Stage I, 1e-4 in Stage II"} for a run with Stage I whose
   * stages have different rates; either followed by {@code " (classification steps 3e-4)"} when
   * Stage II's classification steps have a rate of their own.
   */
  private static String learningRates(Config c) {
    String stageTwo = rate(c, "training.learning-rate");
    String stageOne = rate(c, "training.stage1-learning-rate");
    String classification = rate(c, "training.classification-learning-rate");
    boolean scratch =
        c.hasPath("training.regime") && c.getString("training.regime").equals("scratch");
    String stages =
        scratch || stageOne.equals("?") || stageOne.equals(stageTwo)
            ? stageTwo
            : stageOne + " in Stage I, " + stageTwo + " in Stage II";
    return classification.equals("?") || classification.equals(stageTwo)
        ? stages
        : stages + " (classification steps " + classification + ")";
  }

  /** A learning rate as the configs write it: {@code 1e-3}, {@code 2.5e-4}, {@code 0.01}. */
  private static String rate(Config c, String path) {
    if (!c.hasPath(path)) {
      return "?";
    }
    BigDecimal x = new BigDecimal(Double.toString(c.getDouble(path))).stripTrailingZeros();
    if (x.signum() == 0 || x.abs().compareTo(new BigDecimal("0.01")) >= 0) {
      return x.toPlainString();
    }
    int exponent = x.precision() - x.scale() - 1;
    return x.scaleByPowerOfTen(-exponent).toPlainString() + "e" + exponent;
  }

  /** The value as HOCON writes it, "?" when absent. */
  private static String value(Config c, String path) {
    return c.hasPath(path) ? c.getValue(path).render(ConfigRenderOptions.concise()) : "?";
  }
}
