package ssm.settings;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads {@link Settings} from layers, each overriding the ones before it:
 *
 * <ol>
 *   <li>{@code configs/base.conf} on the class path: every setting with its default, and the
 *       reference every other layer is validated against;
 *   <li>{@code configs/variants/<variant>.conf} on the class path: what the variant changes;
 *   <li>a profile ({@code --profile NAME}: {@code configs/profiles/NAME.conf} on the class path);
 *   <li>user files ({@code --config}, read from disk), later files winning;
 *   <li>{@code --set key=value} overrides, the value parsed as HOCON, later ones winning.
 * </ol>
 *
 * A profile or user file may give settings to some variants only, in {@code per-variant} blocks
 * ({@link PerVariantBlocks}); a matching block counts as part of its own layer. The variant is the
 * explicit one if given, else the {@code variant} key of the user layers, else base.conf's. After
 * resolution come, in order: unknown keys (misspellings, with the closest known key suggested),
 * Typesafe's {@code checkValid}, value types, and the records' range checks. Every problem names
 * the key, the value and its origin (file:line); all problems of a stage are reported together in
 * one {@link SettingsException}.
 */
public final class SettingsLoader {
  /** Class-path resource holding every default; the reference for validation. */
  public static final String BASE = "configs/base.conf";

  /** Class-path folder of the variant files, {@code <variant>.conf}. */
  public static final String VARIANTS = "configs/variants/";

  /** Resource folder of the run profiles. */
  public static final String PROFILES = "configs/profiles/";

  /** A record's message starts with the key at fault, e.g. {@code model.rpn.nms-iou = 1.7 ...}. */
  private static final Pattern LEADING_KEY = Pattern.compile("^([a-z0-9-]+(?:\\.[a-z0-9-]+)+)\\b");

  private final ClassLoader resources;

  /** base.conf unresolved: the bottom layer, whose substitutions follow the layers above it. */
  private final Config defaults;

  /** base.conf resolved on its own: every key and the type of its value, for validation. */
  private final Config reference;

  /** Reads configs/ from this class's own class loader (the jar, or target/classes). */
  public SettingsLoader() {
    this(SettingsLoader.class.getClassLoader());
  }

  /** Reads configs/ from {@code resources}. */
  public SettingsLoader(ClassLoader resources) {
    this.resources = resources;
    this.defaults =
        parseResource(BASE, "the built-in defaults")
            .orElseThrow(
                () ->
                    new SettingsException(
                        BASE
                            + " is not on the class path; "
                            + "the jar was built without configs/ (rebuild with ./ssm or mvn package)"));
    this.reference = defaults.resolve();
  }

  /** base.conf resolved on its own: every key and its default. */
  public Config reference() {
    return reference;
  }

  /** The defaults: base.conf alone (variant {@code scratch-r18-3}). */
  public Settings load() {
    return load(null, List.of(), List.of());
  }

  /** The defaults of {@code variant}. */
  public Settings load(String variant) {
    return load(variant, List.of(), List.of());
  }

  /**
   * Loads and checks the settings.
   *
   * @param variant the variant's name, or null to take it from the configs
   * @param configFiles user files, in order (later ones win)
   * @param overrides {@code key=value} strings, in order (later ones win)
   * @throws SettingsException naming every problem found, with its origin
   */
  public Settings load(String variant, List<Path> configFiles, List<String> overrides) {
    return load(variant, null, configFiles, overrides);
  }

  /**
   * As {@link #load(String, List, List)} with a profile ({@code configs/profiles/NAME.conf}: {@code
   * smoke}, {@code demo}, {@code paper}, {@code real}) layered over the variant and under the
   * user's files; {@code null} for none.
   */
  public Settings load(
      String variant, String profile, List<Path> configFiles, List<String> overrides) {
    Config sets = ConfigFactory.empty();
    for (String override : overrides) {
      sets = parseOverride(override).withFallback(sets);
    }
    List<Config> layers = new ArrayList<>(List.of(sets));
    for (int i = configFiles.size() - 1; i >= 0; i--) {
      layers.add(parseFile(configFiles.get(i)));
    }
    Config user = layers.stream().reduce(ConfigFactory.empty(), Config::withFallback);
    String chosen =
        variant != null
            ? variant
            : user.hasPath("variant") ? user.getString("variant") : reference.getString("variant");
    String chosenBy =
        variant != null
            ? "--variant " + variant
            : user.hasPath("variant") ? Origins.describe(user.getValue("variant").origin()) : BASE;
    Config variantLayer =
        parseResource(VARIANTS + chosen + ".conf", "variant " + chosen)
            .orElseThrow(
                () ->
                    new SettingsException(
                        String.format(
                            "unknown variant '%s' (from %s): there is no %s%s.conf; variants are named %s",
                            chosen, chosenBy, VARIANTS, chosen, PerVariantBlocks.VARIANT_NAMES)));
    if (profile != null) {
      layers.add(
          parseResource(PROFILES + profile + ".conf", "profile " + profile)
              .orElseThrow(
                  () ->
                      new SettingsException(
                          String.format(
                              "unknown profile '%s': there is no %s%s.conf; profiles are smoke, demo, paper and real",
                              profile, PROFILES, profile))));
    }
    UnknownKeys unknownKeys = new UnknownKeys(reference);
    List<String> problems = new ArrayList<>();
    layers.forEach(layer -> problems.addAll(PerVariantBlocks.problems(layer, unknownKeys)));
    throwIfAny(problems);
    // Each layer's per-variant blocks sit inside that layer: a profile's block for "*-3" still
    // loses to the user's --set.
    user =
        layers.stream()
            .map(layer -> PerVariantBlocks.apply(layer, chosen))
            .reduce(ConfigFactory.empty(), Config::withFallback);
    Config merged = user.withFallback(variantLayer).withFallback(defaults);
    if (variant != null) {
      merged = merged.withValue("variant", ConfigValueFactory.fromAnyRef(variant, chosenBy));
    }
    return validate(unknownKeys, variantLayer, user, resolve(merged));
  }

  private Settings validate(
      UnknownKeys unknownKeys, Config variantLayer, Config user, Config resolved) {
    List<String> problems = new ArrayList<>(unknownKeys.find(variantLayer));
    problems.addAll(unknownKeys.find(user));
    try {
      resolved.checkValid(reference);
    } catch (ConfigException.ValidationFailed e) {
      e.problems()
          .forEach(
              p ->
                  problems.add(
                      String.format(
                          "%s: %s: %s", Origins.describe(p.origin()), p.path(), p.problem())));
    }
    throwIfAny(problems);
    throwIfAny(ValueTypes.check(reference, resolved));
    try {
      return Settings.from(resolved);
    } catch (IllegalArgumentException e) {
      throw new SettingsException(List.of(withOrigin(resolved, e.getMessage())), e);
    } catch (ConfigException e) {
      throw new SettingsException(List.of(e.getMessage()), e);
    }
  }

  /** Prefixes a record's message with the origin of the key it starts with, when there is one. */
  private static String withOrigin(Config resolved, String message) {
    Matcher m = LEADING_KEY.matcher(message == null ? "" : message);
    if (m.find() && resolved.hasPath(m.group(1))) {
      return Origins.describe(resolved.getValue(m.group(1)).origin()) + ": " + message;
    }
    return message;
  }

  private static void throwIfAny(List<String> problems) {
    if (!problems.isEmpty()) {
      throw new SettingsException(problems);
    }
  }

  private static Config resolve(Config merged) {
    try {
      return merged.resolve();
    } catch (ConfigException e) {
      throw new SettingsException(List.of(e.getMessage()), e);
    }
  }

  /** {@code key=value}: the value is parsed as HOCON, so lists and quoted strings work. */
  private static Config parseOverride(String override) {
    int eq = override.indexOf('=');
    if (eq <= 0) {
      throw new SettingsException(
          "--set " + override + ": expected key=value, e.g. " + "--set training.epochs=10");
    }
    String key = override.substring(0, eq).trim();
    String value = override.substring(eq + 1).trim();
    try {
      return ConfigFactory.parseString(
          key + " = " + value,
          ConfigParseOptions.defaults().setOriginDescription("--set " + override));
    } catch (ConfigException e) {
      throw new SettingsException(
          List.of("--set " + override + ": not a HOCON key = value (" + e.getMessage() + ")"), e);
    }
  }

  private static Config parseFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new SettingsException("--config " + file + ": no such file");
    }
    try {
      return ConfigFactory.parseFile(
          file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
    } catch (ConfigException e) {
      throw new SettingsException(List.of(e.getMessage()), e);
    }
  }

  private Optional<Config> parseResource(String name, String what) {
    if (resources.getResource(name) == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          ConfigFactory.parseResources(
              resources, name, ConfigParseOptions.defaults().setAllowMissing(false)));
    } catch (ConfigException e) {
      throw new SettingsException(List.of(what + ": " + e.getMessage()), e);
    }
  }
}
