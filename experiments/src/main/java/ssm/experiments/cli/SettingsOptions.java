package ssm.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;
import ssm.experiments.run.RunConfig;
import ssm.settings.Settings;
import ssm.settings.SettingsException;
import ssm.settings.SettingsLoader;
import ssm.settings.Variant;

/**
 * The options every command that needs settings shares ({@code @Mixin SettingsOptions settings;}):
 * {@code --variant V}, {@code --config FILE} (repeatable) and {@code --set key=value} (repeatable).
 * {@link #settings()} loads them once, layered as {@link SettingsLoader} describes, and throws
 * {@link SettingsException} (exit code 2, one line per problem) when they are wrong.
 */
public final class SettingsOptions {
  @Option(
      names = "--variant",
      paramLabel = "V",
      description =
          "Variant {shared|frozen|scratch}-{r18|r34}-{2|3}; "
              + "default: the configs' `variant` key (scratch-r18-3).")
  String variant;

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      description =
          "Run profile over the variant's settings: smoke, demo, paper or real "
              + "(configs/profiles/NAME.conf).")
  String profile;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "HOCON file over the variant's settings; repeatable, later files win.")
  List<Path> configFiles = new ArrayList<>();

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description =
          "Override one setting, the value parsed as HOCON "
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
   * The settings of a command that runs {@code weights} (predict, eval, export): those the weights
   * were trained with ({@link RunConfig}: their run's config.conf) unless the command line names
   * its own (--profile or --config; --set still applies over the run's, and a --variant other than
   * the run's drops them). Says in one line on {@code err} which it uses.
   */
  public Settings settingsForWeights(Path weights, PrintWriter err) {
    if (loaded != null) {
      return loaded;
    }
    Optional<Path> run = RunConfig.of(weights);
    if (run.isEmpty()) {
      return settings();
    }
    if (profile != null || !configFiles.isEmpty()) {
      err.printf(
          "settings: from the command line (--profile/--config), not %s of the run "
              + "that wrote the weights%n",
          run.get());
      err.flush();
      return settings();
    }
    Settings trained = new SettingsLoader().load(null, null, List.of(run.get()), List.of());
    if (variant != null && !variant.equals(trained.variant())) {
      err.printf(
          "settings: --variant %s, not %s of the run that wrote the weights (variant %s)%n",
          variant, run.get(), trained.variant());
      err.flush();
      return settings();
    }
    configFiles = new ArrayList<>(List.of(run.get()));
    err.printf(
        "settings: %s (the run that wrote the weights, variant %s)%s; --profile or "
            + "--config to use others%n",
        run.get(), trained.variant(), overrides.isEmpty() ? "" : " with --set");
    err.flush();
    return settings();
  }

  /**
   * The settings of {@code v} with this command line's files and overrides (for commands that go
   * over several variants; {@code --variant} is not used).
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
