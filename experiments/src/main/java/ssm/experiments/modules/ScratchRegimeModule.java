package ssm.experiments.modules;

import com.google.inject.AbstractModule;
import ssm.train.TrainingRegime;

/**
 * Scratch regime (paper's SSM-S): no Stage I; S reads a second branch that receives the
 * segmentation branch's weights whenever the segmentation loss improves.
 */
public final class ScratchRegimeModule extends AbstractModule {
  @Override
  protected void configure() {
    install(new TwoBranchModule());
    bind(TrainingRegime.class).toInstance(TrainingRegime.SCRATCH);
  }
}
