package ssm.testing;

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

/**
 * Models for the framework's own tests, which cannot reach the Guice modules of {@code experiments}
 * (the one wiring path of a run): the parts of docs/explanation/model.md#2-architecture for given
 * settings, wired as those modules wire them.
 */
public final class TestModels {
  private TestModels() {}

  /** A model whose classification branch is a second copy of the box head (frozen, scratch). */
  public static SsmModel twoBranch(ModelSettings settings) {
    return of(
        settings,
        ClassificationRoiSource.secondBranch(
            BoxBranch.classification(
                settings.fpnChannels(),
                settings.roi().outputSize(),
                settings.roi().representation())));
  }

  /** A model whose segmentation branch also feeds S (shared regime). */
  public static SsmModel shared(ModelSettings settings) {
    return of(settings, ClassificationRoiSource.segmentationBranch());
  }

  private static SsmModel of(ModelSettings settings, ClassificationRoiSource source) {
    TruncatedResNet body = TruncatedResNet.of(settings.backbone());
    return new SsmModel(
        settings,
        body,
        new Fpn(body.outChannels(), settings.fpnChannels()),
        new RpnHead(settings.fpnChannels(), settings.anchors().perLocation()),
        new ProposalGenerator(settings.rpn()),
        BoxBranch.segmentation(
            settings.fpnChannels(), settings.roi().outputSize(), settings.roi().representation()),
        new DetectionSelector(settings.roi()),
        new MaskHead(settings.mask(), settings.fpnChannels()),
        source,
        new RoiBatchBuilder(settings.classifier(), settings.roi()),
        new SHead(settings.classifier(), settings.fpnChannels()));
  }
}
