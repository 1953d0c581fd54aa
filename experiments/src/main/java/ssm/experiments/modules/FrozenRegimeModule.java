package ssm.experiments.modules;

import com.google.inject.AbstractModule;
import ssm.train.TrainingRegime;

/** Frozen regime (paper's SSM2): S reads a frozen copy of the Stage I segmentation branch. */
public final class FrozenRegimeModule extends AbstractModule {
  @Override
  protected void configure() {
    install(new TwoBranchModule());
    bind(TrainingRegime.class).toInstance(TrainingRegime.FROZEN);
  }
}
