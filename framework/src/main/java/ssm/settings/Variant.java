package ssm.settings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import ssm.util.Check;

/**
 * One of the paper's 12 models: regime x ResNet depth x stages kept
 * (docs/explanation/model.md#4-variants-and-regimes). Named {@code <regime>-r<depth>-<blocks>},
 * e.g. {@code scratch-r18-3}, the paper's best model (SSM-S R18**) and the default. Its values live
 * in {@link #configResource()}; {@code ssm.wiring.ModelWiring} builds its model.
 *
 * @param regime shared, frozen or scratch
 * @param depth ResNet depth, 18 or 34
 * @param blocks ResNet stages kept, 2 (the paper's {@code *}) or 3 ({@code **})
 */
public record Variant(Regime regime, int depth, int blocks) {
  private static final List<Integer> DEPTHS = List.of(18, 34);
  private static final List<Integer> BLOCKS = List.of(2, 3);
  private static final List<Variant> ALL = enumerate();

  /**
   * The settings keys a variant's name fixes: each key's value as the name gives it and as the
   * settings hold it. {@link #of} checks the two agree.
   */
  private static final List<FixedKey> FIXED_KEYS =
      List.of(
          new FixedKey("model.backbone.depth", Variant::depth, s -> s.model().backbone().depth()),
          new FixedKey(
              "model.backbone.blocks", Variant::blocks, s -> s.model().backbone().blocks()),
          new FixedKey(
              "training.regime",
              v -> v.regime().configName(),
              s -> s.training().regime().configName()));

  /** The paper's best model and the default of configs/base.conf: SSM-S R18**. */
  public static final Variant DEFAULT = new Variant(Regime.SCRATCH, 18, 3);

  public Variant {
    Check.that(regime != null, "variant regime is missing");
    Check.that(DEPTHS.contains(depth), "variant depth = %s must be 18 or 34", depth);
    Check.that(BLOCKS.contains(blocks), "variant blocks = %s must be 2 or 3", blocks);
  }

  /**
   * Parses a name such as {@code frozen-r34-2}; an unknown name throws {@link
   * IllegalArgumentException} listing all 12.
   */
  public static Variant parse(String name) {
    String wanted = name == null ? "" : name.trim();
    return ALL.stream()
        .filter(v -> v.name().equals(wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    String.format(
                        "unknown variant '%s'; the variants are %s",
                        name, ALL.stream().map(Variant::name).collect(Collectors.joining(", ")))));
  }

  /**
   * The variant of loaded settings, checked against them: {@code model.backbone.depth}, {@code
   * model.backbone.blocks} and {@code training.regime} must be what the name says (a {@code --set}
   * may not turn frozen-r34-2 into an R18).
   *
   * @throws SettingsException naming each contradicting key, its value and origin
   */
  public static Variant of(Settings settings) {
    Variant v;
    try {
      v = parse(settings.variant());
    } catch (IllegalArgumentException e) {
      throw new SettingsException(List.of(settings.origin("variant") + ": " + e.getMessage()), e);
    }
    List<String> problems = new ArrayList<>();
    for (FixedKey k : FIXED_KEYS) {
      v.contradiction(settings, k).ifPresent(problems::add);
    }
    if (!problems.isEmpty()) {
      throw new SettingsException(problems);
    }
    return v;
  }

  private Optional<String> contradiction(Settings s, FixedKey k) {
    Object actual = k.loaded().apply(s);
    return actual.equals(k.named().apply(this))
        ? Optional.empty()
        : Optional.of(
            String.format(
                "%s: %s = %s contradicts variant %s; choose another variant instead",
                s.origin(k.key()), k.key(), actual, name()));
  }

  private record FixedKey(
      String key, Function<Variant, Object> named, Function<Settings, Object> loaded) {}

  /**
   * All 12, in the order of the paper's tables: regime shared, frozen, scratch; within each, R18*,
   * R18**, R34*, R34**.
   */
  public static List<Variant> all() {
    return ALL;
  }

  /** The name used on the command line and for the variant file, e.g. {@code scratch-r18-3}. */
  public String name() {
    return regime.configName() + "-r" + depth + "-" + blocks;
  }

  /** Whether classification has its own RoI branch: frozen and scratch (not shared). */
  public boolean twoBranches() {
    return regime.twoBranches();
  }

  /** Class-path resource of this variant's values, e.g. configs/variants/scratch-r18-3.conf. */
  public String configResource() {
    return SettingsLoader.VARIANTS + name() + ".conf";
  }

  /** The paper's family name: SSM (shared), SSM2 (frozen), SSM-S (scratch). */
  public String paperFamily() {
    return regime.paperFamily();
  }

  /** The label of the paper's tables, e.g. {@code SSM-S R18**} or {@code SSM2 R34*}. */
  public String paperLabel() {
    return paperFamily() + " R" + depth + (blocks == 2 ? "*" : "**");
  }

  @Override
  public String toString() {
    return name();
  }

  private static List<Variant> enumerate() {
    List<Variant> all = new ArrayList<>();
    for (Regime regime : List.of(Regime.SHARED, Regime.FROZEN, Regime.SCRATCH)) {
      for (int depth : DEPTHS) {
        for (int blocks : BLOCKS) {
          all.add(new Variant(regime, depth, blocks));
        }
      }
    }
    return Collections.unmodifiableList(all);
  }
}
