package ssm.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.name.Named;
import ssm.backbone.Fpn;
import ssm.backbone.TruncatedResNet;
import ssm.classify.SHead;
import ssm.mask.MaskHead;
import ssm.model.SsmModel;
import ssm.roi.BoxBranch;
import ssm.roi.ClassificationRoiSource;
import ssm.roi.DetectionSelector;
import ssm.roi.RoiBatchBuilder;
import ssm.rpn.ProposalGenerator;
import ssm.rpn.RpnHead;
import ssm.settings.ModelSettings;

/** Assembles the SSM from the parts the other modules bind. */
public final class ModelModule extends AbstractModule {
  @Provides
  SsmModel model(
      ModelSettings s,
      TruncatedResNet body,
      Fpn fpn,
      RpnHead rpn,
      ProposalGenerator proposals,
      @Named(SegmentationBranchModule.SEGMENTATION) BoxBranch segmentation,
      DetectionSelector detections,
      MaskHead mask,
      ClassificationRoiSource source,
      RoiBatchBuilder roiBatch,
      SHead sHead) {
    return new SsmModel(
        s, body, fpn, rpn, proposals, segmentation, detections, mask, source, roiBatch, sHead);
  }
}
