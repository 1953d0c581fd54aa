package ssm.experiments.modules;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import ssm.roi.BoxBranch;
import ssm.roi.ClassificationRoiSource;
import ssm.settings.ModelSettings;

/**
 * The two-branch variants (frozen and scratch): S reads its RoI batch from a second box
 * head and predictor of its own ({@code *_s2}).
 */
public final class TwoBranchModule extends AbstractModule {
  @Provides
  ClassificationRoiSource source(ModelSettings s) {
    return ClassificationRoiSource.secondBranch(BoxBranch.classification(s.fpnChannels(),
        s.roi().outputSize(), s.roi().representation()));
  }
}
