package ssm.settings;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigRenderOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import ssm.util.Check;

/**
 * All settings of a run, read once at start-up by {@link SettingsLoader}.
 *
 * @param variant the variant's name, e.g. {@code scratch-r18-3} (key {@code variant})
 * @param model section {@code model}
 * @param training section {@code training}
 * @param data section {@code data}
 * @param eval section {@code eval}
 * @param resolved the fully resolved config these records were read from, origins included
 */
public record Settings(
    String variant,
    ModelSettings model,
    TrainingSettings training,
    DataSettings data,
    EvalSettings eval,
    Config resolved) {

  /** Name of the file {@link #writeTo} writes into a run folder. */
  public static final String FILE_NAME = ssm.run.RunFolder.CONFIG;

  /** Typesafe describes a resource as {@code configs/base.conf @ jar:file:/...!/configs/...}. */
  private static final Pattern JAR_URL = Pattern.compile(" @ (?:jar:)?file:[^\\s,]*?(?=: \\d)");

  public Settings {
    Check.that(variant != null && !variant.isBlank(), "variant is empty");
    Check.that(
        model != null && training != null && resolved != null,
        "settings need sections model and training and the resolved config");
    Check.that(
        !training.updateRule().updatesBranch() || model.classifier().roiGradient(),
        "training.update-rule = %s needs model.classifier.roi-gradient = true: without it S's"
            + " loss never reaches the branch",
        training.updateRule().configName());
  }

  /** Reads a resolved config; records check their ranges and name the key at fault. */
  public static Settings from(Config c) {
    return new Settings(
        c.getString("variant"),
        ModelSettings.from(c.getConfig("model")),
        TrainingSettings.from(c.getConfig("training")),
        DataSettings.from(c.getConfig("data")),
        EvalSettings.from(c.getConfig("eval")),
        c);
  }

  /**
   * Where the value of {@code key} came from, e.g. {@code my.conf:3}, {@code configs/base.conf:12}
   * or {@code --set training.epochs=3}; {@code key} must exist.
   */
  public String origin(String key) {
    return Origins.describe(resolved.getValue(key).origin());
  }

  /**
   * The resolved config as HOCON, the files' comments kept; with {@code origins}, each value is
   * preceded by a comment naming where it came from ({@code configs/base.conf: 12}, not the jar's
   * URL).
   */
  public String render(boolean origins) {
    String text =
        resolved
            .root()
            .render(
                ConfigRenderOptions.defaults()
                    .setOriginComments(origins)
                    .setComments(true)
                    .setJson(false)
                    .setFormatted(true));
    return JAR_URL.matcher(text).replaceAll("");
  }

  /**
   * Writes the fully resolved config as HOCON into {@code runFolder}/{@value #FILE_NAME}, each
   * value preceded by a comment naming where it came from; creates the folder if needed. Reading
   * that file back with {@code --config} reproduces these settings.
   *
   * @return the file written
   */
  public Path writeTo(Path runFolder) {
    Path file = runFolder.resolve(FILE_NAME);
    String text =
        "# Fully resolved settings of this run (variant "
            + variant
            + ").\n"
            + "# The comment above each value says where it came from.\n"
            + render(true);
    try {
      Files.createDirectories(runFolder);
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
    return file;
  }
}
