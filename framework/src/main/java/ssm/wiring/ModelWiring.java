package ssm.wiring;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import java.util.List;
import ssm.model.SsmModel;
import ssm.settings.ModelSettings;
import ssm.settings.Regime;
import ssm.settings.Settings;
import ssm.settings.Variant;

/**
 * The one way to build a model: a Guice injector over one module per concern, the regime's module
 * last. Variants differ only by the regime their regime module is given and by their HOCON values;
 * the command line, the runs and the tests all build their models here.
 */
public final class ModelWiring {
  private ModelWiring() {}

  /** The modules of {@code variant} over a run's {@code settings}. */
  public static List<Module> modules(Variant variant, Settings settings) {
    return with(new SettingsModule(settings), variant.regime());
  }

  /** The injector of {@code variant}'s modules. */
  public static Injector injector(Variant variant, Settings settings) {
    return Guice.createInjector(modules(variant, settings));
  }

  /** The SSM of {@code variant}. */
  public static SsmModel model(Variant variant, Settings settings) {
    return injector(variant, settings).getInstance(SsmModel.class);
  }

  /**
   * The SSM of model settings alone, e.g. a backbone or a head no variant file holds, wired by the
   * same modules as a variant's.
   */
  public static SsmModel model(ModelSettings settings, Regime regime) {
    return Guice.createInjector(with(new ModelSettingsModule(settings), regime))
        .getInstance(SsmModel.class);
  }

  private static List<Module> with(Module settings, Regime regime) {
    return List.of(
        settings,
        new BackboneModule(),
        new RpnModule(),
        new SegmentationBranchModule(),
        new MaskModule(),
        new ClassifierModule(),
        new ModelModule(),
        new RegimeModule(regime));
  }
}
