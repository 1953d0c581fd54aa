package ssm.experiments.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import ssm.experiments.Variant;
import ssm.settings.Settings;
import ssm.settings.SettingsException;
import ssm.settings.SettingsLoader;

/**
 * The options every command that needs settings shares ({@code @Mixin SettingsOptions settings;}):
 * {@code --variant V}, {@code --config FILE} (repeatable) and {@code --set key=value}
 * (repeatable). {@link #settings()} loads them once, layered as {@link SettingsLoader} describes,
 * and throws {@link SettingsException} (exit code 2, one line per problem) when they are wrong.
 */
public final class SettingsOptions {
  @Option(names = "--variant", paramLabel = "V",
      description = "Variant {shared|frozen|scratch}-{r18|r34}-{2|3}; "
          + "default: the configs' `variant` key (scratch-r18-3).")
  String variant;

  @Option(names = "--profile", paramLabel = "NAME",
      description = "Run profile over the variant's settings: smoke, demo, paper or real "
          + "(configs/profiles/NAME.conf).")
  String profile;

  @Option(names = "--config", paramLabel = "FILE",
      description = "HOCON file over the variant's settings; repeatable, later files win.")
  List<Path> configFiles = new ArrayList<>();

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Override one setting, the value parsed as HOCON "
          + "(e.g. --set training.epochs=10); repeatable, wins over every file.")
  List<String> overrides = new ArrayList<>();

  private Settings loaded;

  /** Whether {@code --variant} was given. */
  public boolean variantGiven() {
    return variant != null;
  }

  /** The settings, loaded and checked on first use (unknown keys, types, ranges, variant). */
  public Settings settings() {
    if (loaded == null) {
      if (variant != null) {
        try {
          Variant.parse(variant);
        } catch (IllegalArgumentException e) {
          throw new SettingsException(List.of("--variant " + variant + ": " + e.getMessage()), e);
        }
      }
      Settings s = new SettingsLoader().load(variant, profile, configFiles, overrides);
      Variant.of(s);
      loaded = s;
    }
    return loaded;
  }

  /**
   * The settings of {@code v} with this command line's files and overrides (for commands that
   * go over several variants; {@code --variant} is not used).
   */
  public Settings settingsFor(Variant v) {
    return settingsFor(v, List.of());
  }

  /** As {@link #settingsFor(Variant)} with {@code extra} overrides after the user's. */
  public Settings settingsFor(Variant v, List<String> extra) {
    List<String> all = new ArrayList<>(overrides);
    all.addAll(extra);
    Settings s = new SettingsLoader().load(v.name(), profile, configFiles, all);
    Variant.of(s);
    return s;
  }

  /** The profile given with --profile, or null. */
  public String profile() {
    return profile;
  }

  /** Sets the profile when none was given on the command line (a command's own default). */
  public void defaultProfile(String name) {
    if (profile == null) {
      profile = name;
    }
  }

  /** The variant of {@link #settings()}. */
  public Variant variant() {
    return Variant.of(settings());
  }
}
