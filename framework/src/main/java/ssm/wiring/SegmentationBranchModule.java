package ssm.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.name.Named;
import ssm.roi.BoxBranch;
import ssm.roi.DetectionSelector;
import ssm.settings.ModelSettings;

/** The segmentation RoI branch (box head + predictor) and its detection output. */
public final class SegmentationBranchModule extends AbstractModule {
  /** Binding name of the segmentation branch. */
  public static final String SEGMENTATION = "segmentation";

  @Provides
  @Named(SEGMENTATION)
  BoxBranch branch(ModelSettings s) {
    return BoxBranch.segmentation(s.fpnChannels(), s.roi().outputSize(), s.roi().representation());
  }

  @Provides
  DetectionSelector detections(ModelSettings s) {
    return new DetectionSelector(s.roi());
  }
}
