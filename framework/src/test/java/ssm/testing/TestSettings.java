package ssm.testing;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import ssm.settings.ModelSettings;
import ssm.settings.SettingsLoader;

/** Settings from configs/base.conf, the framework's class-path resource, for tests. */
public final class TestSettings {
  private TestSettings() {}

  /** configs/base.conf, resolved. */
  public static Config base() {
    return ConfigFactory.parseResources(SettingsLoader.BASE).resolve();
  }

  /** The default model settings (ResNet18, 3 blocks). */
  public static ModelSettings model() {
    return ModelSettings.from(base().getConfig("model"));
  }

  /** Model settings of another backbone. */
  public static ModelSettings model(int depth, int blocks) {
    Config c =
        base()
            .withValue("model.backbone.depth", ConfigValueFactory.fromAnyRef(depth))
            .withValue("model.backbone.blocks", ConfigValueFactory.fromAnyRef(blocks));
    return ModelSettings.from(c.getConfig("model"));
  }
}
