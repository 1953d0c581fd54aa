package ssm.experiments.modules;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import ssm.roi.ClassificationRoiSource;

/** Shared regime (paper's SSM): S reads its RoI batch from the segmentation branch itself. */
public final class SharedRegimeModule extends AbstractModule {
  @Provides
  ClassificationRoiSource source() {
    return ClassificationRoiSource.segmentationBranch();
  }
}
