package ssm.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import ssm.classify.SHead;
import ssm.roi.RoiBatchBuilder;
import ssm.settings.ModelSettings;

/** The ranked RoI batch and the image classifier S. */
public final class ClassifierModule extends AbstractModule {
  @Provides
  RoiBatchBuilder roiBatch(ModelSettings s) {
    return new RoiBatchBuilder(s.classifier(), s.roi());
  }

  @Provides
  SHead sHead(ModelSettings s) {
    return new SHead(s.classifier(), s.fpnChannels());
  }
}
