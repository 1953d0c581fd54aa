package ssm.experiments.run;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import ssm.settings.Variant;

/**
 * A grid: a name and the variants it runs, from {@code configs/grids/NAME.conf} or a user's file
 * with the same shape ({@code grid { name = ..., variants = [...] }}).
 */
public record GridDefinition(String name, List<Variant> variants) {

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
      List<Variant> variants = c.getStringList("variants").stream().map(Variant::parse).toList();
      if (variants.isEmpty()) {
        throw new IllegalArgumentException(nameOrFile + ": grid.variants is empty");
      }
      return new GridDefinition(c.getString("name"), variants);
    } catch (ConfigException e) {
      throw new IllegalArgumentException(nameOrFile + ": " + e.getMessage(), e);
    }
  }
}
