package ssm.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import ssm.rpn.ProposalGenerator;
import ssm.rpn.RpnHead;
import ssm.settings.ModelSettings;

/** The region proposal head and the proposal generator. */
public final class RpnModule extends AbstractModule {
  @Provides
  RpnHead head(ModelSettings s) {
    return new RpnHead(s.fpnChannels(), s.anchors().perLocation());
  }

  @Provides
  ProposalGenerator proposals(ModelSettings s) {
    return new ProposalGenerator(s.rpn());
  }
}
