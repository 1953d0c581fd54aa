package ssm.testing;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Path;
import ssm.settings.ModelSettings;

/** Settings from the repository's configs/base.conf, for tests. */
public final class TestSettings {
  private TestSettings() {}

  /** configs/base.conf, resolved. */
  public static Config base() {
    Path file = Path.of(System.getProperty("ssm.configs", "../configs"), "base.conf");
    return ConfigFactory.parseFile(file.toFile()).resolve();
  }

  /** The default model settings (ResNet18, 3 blocks). */
  public static ModelSettings model() {
    return ModelSettings.from(base().getConfig("model"));
  }

  /** Model settings of another backbone. */
  public static ModelSettings model(int depth, int blocks) {
    Config c = base().withValue("model.backbone.depth", ConfigValueFactory.fromAnyRef(depth))
        .withValue("model.backbone.blocks", ConfigValueFactory.fromAnyRef(blocks));
    return ModelSettings.from(c.getConfig("model"));
  }
}
