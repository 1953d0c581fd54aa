package ssm.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import ssm.roi.BoxBranch;
import ssm.roi.ClassificationRoiSource;
import ssm.settings.ModelSettings;
import ssm.settings.Regime;

/**
 * The regime (docs/explanation/model.md#4-variants-and-regimes) and where S reads its RoI batch:
 * from the segmentation branch itself (shared), or from a second box head and predictor of its own
 * ({@code *_s2}, frozen and scratch).
 */
public final class RegimeModule extends AbstractModule {
  private final Regime regime;

  public RegimeModule(Regime regime) {
    this.regime = regime;
  }

  @Override
  protected void configure() {
    bind(Regime.class).toInstance(regime);
  }

  @Provides
  ClassificationRoiSource source(ModelSettings s) {
    return regime.twoBranches()
        ? ClassificationRoiSource.secondBranch(
            BoxBranch.classification(
                s.fpnChannels(), s.roi().outputSize(), s.roi().representation()))
        : ClassificationRoiSource.segmentationBranch();
  }
}
