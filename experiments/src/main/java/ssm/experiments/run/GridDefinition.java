package ssm.experiments.run;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import ssm.settings.Variant;

/**
 * A grid: a name and the variants it runs, from {@code configs/grids/NAME.conf} or a user's file
 * with the same shape ({@code grid { name = ..., variants = [...] }}); {@code variants = all} is
 * the 12 of {@link Variant#all()}, in the paper's order.
 */
public record GridDefinition(String name, List<Variant> variants) {
  private static final String VARIANTS = "variants";

  /** The value of {@code variants} that stands for every variant. */
  public static final String ALL = "all";

  /** The built-in grid called {@code nameOrFile}, or the grid file at that path. */
  public static GridDefinition load(String nameOrFile) {
    Path file = Path.of(nameOrFile);
    Config c;
    if (Files.isRegularFile(file)) {
      c = ConfigFactory.parseFile(file.toFile());
    } else {
      String resource = "configs/grids/" + nameOrFile + ".conf";
      c = ConfigFactory.parseResources(resource);
      if (c.isEmpty()) {
        throw new IllegalArgumentException(
            "unknown grid '"
                + nameOrFile
                + "': neither a file nor "
                + resource
                + " (the built-in grid is 'paper')");
      }
    }
    try {
      c = c.resolve().getConfig("grid");
      List<Variant> variants = variants(c);
      if (variants.isEmpty()) {
        throw new IllegalArgumentException(nameOrFile + ": grid.variants is empty");
      }
      return new GridDefinition(c.getString("name"), variants);
    } catch (ConfigException e) {
      throw new IllegalArgumentException(nameOrFile + ": " + e.getMessage(), e);
    }
  }

  private static List<Variant> variants(Config grid) {
    if (grid.getValue(VARIANTS).valueType() == ConfigValueType.STRING
        && grid.getString(VARIANTS).equals(ALL)) {
      return Variant.all();
    }
    return grid.getStringList(VARIANTS).stream().map(Variant::parse).toList();
  }
}
