package ssm.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import ssm.backbone.Fpn;
import ssm.backbone.TruncatedResNet;
import ssm.settings.ModelSettings;

/** The truncated ResNet body and the single-level FPN. */
public final class BackboneModule extends AbstractModule {
  @Provides
  TruncatedResNet body(ModelSettings s) {
    return TruncatedResNet.of(s.backbone());
  }

  @Provides
  Fpn fpn(ModelSettings s, TruncatedResNet body) {
    return new Fpn(body.outChannels(), s.fpnChannels());
  }
}
