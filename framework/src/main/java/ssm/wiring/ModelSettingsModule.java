package ssm.wiring;

import com.google.inject.AbstractModule;
import ssm.settings.ModelSettings;

/** The model's settings, which every part of the model is built from. */
public final class ModelSettingsModule extends AbstractModule {
  private final ModelSettings settings;

  public ModelSettingsModule(ModelSettings settings) {
    this.settings = settings;
  }

  @Override
  protected void configure() {
    bind(ModelSettings.class).toInstance(settings);
  }
}
