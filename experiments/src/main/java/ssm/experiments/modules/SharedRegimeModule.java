package ssm.experiments.modules;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import ssm.roi.ClassificationRoiSource;
import ssm.train.TrainingRegime;

/** Shared regime (paper's SSM): S reads its RoI batch from the segmentation branch itself. */
public final class SharedRegimeModule extends AbstractModule {
  @Override
  protected void configure() {
    bind(TrainingRegime.class).toInstance(TrainingRegime.SHARED);
  }

  @Provides
  ClassificationRoiSource source() {
    return ClassificationRoiSource.segmentationBranch();
  }
}
