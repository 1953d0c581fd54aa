package ssm.wiring;

import com.google.inject.AbstractModule;
import ssm.settings.ModelSettings;
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
    bind(ModelSettings.class).toInstance(settings.model());
    bind(TrainingSettings.class).toInstance(settings.training());
  }
}
