package ssm.experiments.reference;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import ssm.eval.MetricTags;
import ssm.experiments.cli.Main;
import ssm.loss.LossTags;
import ssm.settings.SettingsLoader;
import ssm.settings.ValueTypes;
import ssm.train.hooks.TrainingTags;

/**
 * The reference pages that are generated from the code, never typed: the CLI (from picocli's own
 * command model), the configuration (from {@code configs/base.conf} and the profiles on the class
 * path) and the TensorBoard tags (from {@link LossTags}, {@link MetricTags} and {@link
 * TrainingTags}). {@code ./ssm reference --out docs/reference} writes them; {@code
 * GeneratedReferenceTest} fails when the committed pages differ.
 */
public final class ReferenceDocs {
  /** The command that regenerates the pages, named in every page and in the test's message. */
  public static final String REGENERATE = "./ssm reference --out docs/reference";

  /** The profiles whose values the configuration page shows, in this order. */
  public static final List<String> PROFILES = List.of("smoke", "demo", "paper", "real");

  private static final String BASE = "configs/base.conf";
  private static final int WIDTH = 100;

  private ReferenceDocs() {}

  /** File name (relative to the output folder) to content, in a fixed order. */
  public static Map<String, String> pages() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("cli.md", cli());
    out.put("configuration.md", configuration());
    out.put("tensorboard-tags.md", tensorboardTags());
    return out;
  }

  private static String header(String title, String source) {
    return "# "
        + title
        + "\n\n<!-- Generated from "
        + source
        + " by `"
        + REGENERATE
        + "`; do not edit by hand. -->\n\n";
  }

  // ---------------------------------------------------------------- CLI

  /** Every command's usage help, as picocli prints it for {@code --help}. */
  public static String cli() {
    StringBuilder sb =
        new StringBuilder(header("CLI reference", "picocli's command model (ssm.experiments.cli)"));
    sb.append(
        "Each section is the command's `--help`. Options of settings (`--variant`, `--profile`,\n"
            + "`--config`, `--set`) are described in [configuration](configuration.md).\n\n");
    CommandLine root = Main.commandLine();
    List<CommandLine> all = new ArrayList<>();
    collect(root, all);
    sb.append("| command | what it does |\n|---|---|\n");
    for (CommandLine c : all) {
      String[] d = c.getCommandSpec().usageMessage().description();
      // formatted as picocli formats it for --help, on one line
      String first =
          d.length == 0
              ? ""
              : String.format(Locale.ROOT, d[0])
                  .replace(System.lineSeparator(), " ")
                  .replace("|", "\\|");
      sb.append("| [`")
          .append(c.getCommandSpec().qualifiedName())
          .append("`](#")
          .append(c.getCommandSpec().qualifiedName().replace(' ', '-'))
          .append(") | ")
          .append(first.strip())
          .append(" |\n");
    }
    for (CommandLine c : all) {
      c.setUsageHelpWidth(WIDTH);
      c.setUsageHelpAutoWidth(false);
      sb.append("\n## ").append(c.getCommandSpec().qualifiedName()).append("\n\n```\n");
      sb.append(c.getUsageMessage(Ansi.OFF).stripTrailing()).append("\n```\n");
    }
    return sb.toString();
  }

  private static void collect(CommandLine c, List<CommandLine> out) {
    if (c.getCommandSpec().usageMessage().hidden()) {
      return;
    }
    out.add(c);
    for (CommandLine sub : new LinkedHashMap<>(c.getSubcommands()).values()) {
      if (!out.contains(sub)) {
        collect(sub, out);
      }
    }
  }

  // ---------------------------------------------------------------- configuration

  /** Every key of base.conf with its type, default and comment, and each profile's value. */
  public static String configuration() {
    List<String> baseLines = lines(BASE);
    Config base = ConfigFactory.parseResources(BASE, ConfigParseOptions.defaults());
    Config resolved = base.resolve();
    Map<String, Map<String, String>> profiles = new LinkedHashMap<>();
    for (String p : PROFILES) {
      profiles.put(p, profileValues(SettingsLoader.PROFILES + p + ".conf"));
    }
    StringBuilder sb =
        new StringBuilder(
            header(
                "Configuration reference",
                "configs/base.conf and configs/profiles/*.conf (class-path resources)"));
    sb.append(
        "Every setting, in the order of `configs/base.conf`: its type, its default and the\n"
            + "comment that base.conf gives it (ranges and meanings), then the value each profile\n"
            + "(`--profile NAME`) gives it; empty: the default. A value marked `(\"PATTERN\")`\n"
            + "applies only to the variants that match the profile's `per-variant` block.\n"
            + "Variant files (`configs/variants/`) set only the backbone and the regime.\n\n");
    sb.append("| key | type | default |");
    PROFILES.forEach(p -> sb.append(' ').append(p).append(" |"));
    sb.append(" comment |\n|---|---|---|");
    PROFILES.forEach(p -> sb.append("---|"));
    sb.append("---|\n");
    List<ConfigLeaf> leaves = new ArrayList<>();
    leaves(base.root(), "", leaves);
    leaves.sort((a, b) -> Integer.compare(a.line(), b.line()));
    for (ConfigLeaf leaf : leaves) {
      sb.append("| `").append(leaf.key()).append("` | ");
      sb.append(type(resolved, leaf.key())).append(" | ");
      sb.append(cell(leaf.rendered())).append(" |");
      for (String p : PROFILES) {
        sb.append(' ').append(cell(profiles.get(p).getOrDefault(leaf.key(), ""))).append(" |");
      }
      sb.append(' ').append(cell(comment(baseLines, leaf.line()))).append(" |\n");
    }
    return sb.toString();
  }

  private record ConfigLeaf(String key, String rendered, int line) {}

  private static void leaves(ConfigObject o, String prefix, List<ConfigLeaf> out) {
    for (Map.Entry<String, ConfigValue> e : new TreeMap<>(o).entrySet()) {
      String key = prefix + e.getKey();
      ConfigValue v = e.getValue();
      if (v instanceof ConfigObject child) {
        leaves(child, key + ".", out);
      } else {
        out.add(new ConfigLeaf(key, render(v), v.origin().lineNumber()));
      }
    }
  }

  private static String render(ConfigValue v) {
    return v.render(ConfigRenderOptions.concise().setJson(false)).replace(",", ", ");
  }

  private static String type(Config resolved, String key) {
    ConfigValue v = resolved.getValue(key);
    return switch (v.valueType()) {
      case NUMBER -> ValueTypes.declaredWhole(v, key) ? "integer" : "number";
      case BOOLEAN -> "boolean";
      case STRING -> "string";
      case LIST -> {
        List<?> items = (List<?>) v.unwrapped();
        yield items.isEmpty()
            ? "list"
            : items.get(0) instanceof Number ? "list of numbers" : "list of strings";
      }
      default -> v.valueType().name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  /** The values a profile sets, per key; per-variant blocks as {@code value ("pattern")}. */
  private static Map<String, String> profileValues(String resource) {
    Config c = ConfigFactory.parseResources(resource, ConfigParseOptions.defaults());
    Map<String, String> out = new LinkedHashMap<>();
    List<ConfigLeaf> own = new ArrayList<>();
    ConfigObject root = c.root();
    ConfigValue perVariant = root.get("per-variant");
    ConfigObject rest = root.withoutKey("per-variant");
    leaves(rest, "", own);
    own.forEach(l -> out.put(l.key(), "`" + l.rendered() + "`"));
    if (perVariant instanceof ConfigObject blocks) {
      for (String pattern : blocks.keySet()) {
        List<ConfigLeaf> some = new ArrayList<>();
        leaves((ConfigObject) blocks.get(pattern), "", some);
        for (ConfigLeaf l : some) {
          String v = "`" + l.rendered() + "` (\"" + pattern + "\")";
          out.merge(l.key(), v, (a, b) -> a + "; " + b);
        }
      }
    }
    return out;
  }

  /**
   * The comment of the setting on line {@code line} (1-based) of base.conf: the full-line comments
   * right above it at its own indentation, the comment at the end of its line and the comment lines
   * that continue that one (indented further than the key).
   */
  static String comment(List<String> lines, int line) {
    String text = lines.get(line - 1);
    int indent = indentOf(text);
    List<String> parts = new ArrayList<>();
    List<String> above = new ArrayList<>();
    for (int i = line - 2; i >= 0; i--) {
      String l = lines.get(i);
      if (l.strip().startsWith("#") && indentOf(l) == indent) {
        above.add(0, l.strip().substring(1).strip());
      } else {
        break;
      }
    }
    parts.addAll(above);
    int hash = trailingHash(text);
    if (hash >= 0) {
      parts.add(text.substring(hash + 1).strip());
      for (int i = line; i < lines.size(); i++) {
        String l = lines.get(i);
        if (l.strip().startsWith("#") && indentOf(l) > indent + 2) {
          parts.add(l.strip().substring(1).strip());
        } else {
          break;
        }
      }
    }
    return String.join(" ", parts);
  }

  private static int indentOf(String l) {
    int i = 0;
    while (i < l.length() && l.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  /** The index of a '#' that starts a comment after a value (not inside quotes), or -1. */
  private static int trailingHash(String l) {
    boolean quoted = false;
    for (int i = 0; i < l.length(); i++) {
      char ch = l.charAt(i);
      if (ch == '"') {
        quoted = !quoted;
      } else if (ch == '#' && !quoted) {
        return l.substring(0, i).isBlank() ? -1 : i;
      }
    }
    return -1;
  }

  private static String cell(String s) {
    return s.replace("|", "\\|");
  }

  private static List<String> lines(String resource) {
    InputStream in = ReferenceDocs.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException(resource + " is not on the class path");
    }
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return r.lines().collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------- TensorBoard tags

  /** Every tag constant of the classes that define the tags. */
  public static String tensorboardTags() {
    StringBuilder sb =
        new StringBuilder(
            header(
                "TensorBoard tags",
                "ssm.loss.LossTags, ssm.eval.MetricTags and ssm.train.hooks.TrainingTags"));
    sb.append(
        "Every tag the training and validation write, read from the constants that define them.\n"
            + "A tag ending in `/` is a prefix: one tag per layer follows it. What each means and\n"
            + "when it is written: [tensorboard](tensorboard.md).\n\n");
    sb.append("| tag | dashboard | defined by |\n|---|---|---|\n");
    for (Class<?> c : List.of(LossTags.class, TrainingTags.class, MetricTags.class)) {
      for (Field f : c.getDeclaredFields()) {
        int m = f.getModifiers();
        if (!Modifier.isPublic(m) || !Modifier.isStatic(m)) {
          continue;
        }
        List<String> tags = tagsOf(f);
        for (String tag : tags) {
          sb.append("| `")
              .append(tag.endsWith("/") ? tag + "<layer>" : tag)
              .append("` | ")
              .append(dashboard(tag))
              .append(" | `")
              .append(c.getSimpleName())
              .append('.')
              .append(f.getName())
              .append("` |\n");
        }
      }
    }
    return sb.toString();
  }

  private static List<String> tagsOf(Field f) {
    try {
      Object v = f.get(null);
      if (v instanceof String s) {
        return List.of(s);
      }
      if (v instanceof List<?> l) {
        return l.stream().map(String::valueOf).toList();
      }
      return List.of();
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String dashboard(String tag) {
    if (tag.startsWith("images/")) {
      return "Images";
    }
    if (tag.endsWith("/")) {
      return "Histograms, Distributions";
    }
    return "Scalars";
  }
}
