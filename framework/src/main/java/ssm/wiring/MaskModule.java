package ssm.wiring;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import ssm.mask.MaskHead;
import ssm.settings.ModelSettings;

/** The mask head. */
public final class MaskModule extends AbstractModule {
  @Provides
  MaskHead maskHead(ModelSettings s) {
    return new MaskHead(s.mask(), s.fpnChannels());
  }
}
