package ssm.wiring;

import com.google.inject.AbstractModule;
import ssm.settings.Settings;
import ssm.settings.TrainingSettings;

/** The run's settings and their sections. */
public final class SettingsModule extends AbstractModule {
  private final Settings settings;

  public SettingsModule(Settings settings) {
    this.settings = settings;
  }

  @Override
  protected void configure() {
    bind(Settings.class).toInstance(settings);
    install(new ModelSettingsModule(settings.model()));
    bind(TrainingSettings.class).toInstance(settings.training());
  }
}
