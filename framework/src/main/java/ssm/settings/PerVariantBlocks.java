package ssm.settings;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Settings a layer (a profile or a user file) gives to some variants only:
 *
 * <pre>
 * per-variant {
 *   "*-3" { model.input { min-size = 256 } }   # the 3-block variants
 * }
 * </pre>
 *
 * A key is a variant name where {@code *} stands for any text; a block whose key matches the
 * variant is merged over the rest of its layer (several matching blocks: in key order, the later
 * winning). Every block is checked for unknown keys whether it matches or not, and a key that
 * matches none of the 12 variants is an error, so a misspelt block cannot be ignored silently.
 */
final class PerVariantBlocks {
  /** The HOCON key holding the blocks. */
  static final String KEY = "per-variant";

  /** How variants are named ({@link Variant#all()} is that pattern written out). */
  static final String VARIANT_NAMES = "{shared|frozen|scratch}-{r18|r34}-{2|3}";

  private PerVariantBlocks() {}

  /** {@code layer} with the blocks matching {@code variant} merged over it and the key removed. */
  static Config apply(Config layer, String variant) {
    if (!layer.hasPath(KEY)) {
      return layer;
    }
    Config merged = layer.withoutPath(KEY);
    for (Map.Entry<String, ConfigObject> block : blocks(layer)) {
      if (matches(block.getKey(), variant)) {
        merged = block.getValue().toConfig().withFallback(merged);
      }
    }
    return merged;
  }

  /**
   * The problems of {@code layer}'s blocks: not an object, a key matching no variant, unknown
   * settings inside (whether or not the block matches the variant being loaded).
   */
  static List<String> problems(Config layer, UnknownKeys unknownKeys) {
    List<String> problems = new ArrayList<>();
    if (!layer.hasPath(KEY)) {
      return problems;
    }
    ConfigValue value = layer.getValue(KEY);
    if (value.valueType() != ConfigValueType.OBJECT) {
      problems.add(
          String.format(
              "%s at %s: expected an object of blocks keyed by variant pattern,"
                  + " e.g. per-variant { \"*-3\" { ... } }",
              KEY, Origins.describe(value.origin())));
      return problems;
    }
    for (Map.Entry<String, ConfigValue> e : ((ConfigObject) value).entrySet()) {
      String where = KEY + ".\"" + e.getKey() + "\" at " + Origins.describe(e.getValue().origin());
      if (e.getValue().valueType() != ConfigValueType.OBJECT) {
        problems.add(where + ": expected a block of settings");
      } else if (Variant.all().stream().noneMatch(v -> matches(e.getKey(), v.name()))) {
        problems.add(
            where
                + ": matches no variant; variants are named "
                + VARIANT_NAMES
                + " and * stands for any text");
      } else {
        problems.addAll(unknownKeys.find(((ConfigObject) e.getValue()).toConfig()));
      }
    }
    return problems;
  }

  /** The object-valued blocks in key order (the others are reported by {@link #problems}). */
  private static List<Map.Entry<String, ConfigObject>> blocks(Config layer) {
    ConfigValue value = layer.getValue(KEY);
    if (value.valueType() != ConfigValueType.OBJECT) {
      return List.of();
    }
    return ((ConfigObject) value)
        .entrySet().stream()
            .filter(e -> e.getValue().valueType() == ConfigValueType.OBJECT)
            .sorted(Map.Entry.comparingByKey())
            .map(e -> Map.entry(e.getKey(), (ConfigObject) e.getValue()))
            .toList();
  }

  /** {@code pattern} with {@code *} standing for any text, matched against the whole name. */
  static boolean matches(String pattern, String variant) {
    String regex =
        Arrays.stream(pattern.split("\\*", -1))
            .map(Pattern::quote)
            .collect(Collectors.joining(".*"));
    return Pattern.matches(regex, variant);
  }
}
