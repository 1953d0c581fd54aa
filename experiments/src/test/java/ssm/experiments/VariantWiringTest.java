package ssm.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.inject.Injector;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import ssm.experiments.tables.PaperResults;
import ssm.model.ParameterCount;
import ssm.model.SsmModel;
import ssm.settings.Regime;
import ssm.settings.Settings;
import ssm.settings.SettingsLoader;
import ssm.settings.Variant;
import ssm.wiring.ModelWiring;

/**
 * Each of the 12 variants, built the one way a run builds it (its Guice injector over its
 * settings), has the paper's parameter count (docs/explanation/model.md#3-parameter-counts, paper
 * Table 1) and the regime its name says.
 */
class VariantWiringTest {
  static Stream<Variant> variants() {
    return Variant.all().stream();
  }

  @ParameterizedTest
  @MethodSource("variants")
  void injectorBuildsThePapersModel(Variant variant) {
    Settings settings = new SettingsLoader().load(variant.name());
    Injector injector = ModelWiring.injector(variant, settings);
    assertEquals(variant.regime(), injector.getInstance(Regime.class));
    SsmModel model = injector.getInstance(SsmModel.class);
    assertEquals(
        PaperResults.parameters(variant).exact(),
        ParameterCount.of(model).total(),
        variant + " parameters");
  }
}
