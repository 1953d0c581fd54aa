package ssm.experiments.run;

import java.util.Optional;
import ssm.settings.Regime;
import ssm.settings.Settings;
import ssm.settings.Variant;

/**
 * A Stage I-only run: the segmentation branch of one backbone and depth, trained once and shared by
 * every shared and frozen variant of that architecture (they start Stage II from its weights). It
 * is a run of the two-branch {@link #variant()} with {@value #STAGE_ONE_ONLY}, named {@link
 * #label()}, e.g. {@code stage1-r18-3}, in progress lines and as its folder in a grid.
 *
 * @param depth ResNet depth
 * @param blocks ResNet stages kept
 */
public record StageOneRun(int depth, int blocks) {
  /** The setting that leaves a run of {@link #variant()} with Stage I alone. */
  public static final String STAGE_ONE_ONLY = "training.epochs = 0";

  /** The Stage I run that {@code v}'s architecture shares. */
  public static StageOneRun of(Variant v) {
    return new StageOneRun(v.depth(), v.blocks());
  }

  /** The Stage I-only run that {@code v} with {@code settings} is, if it is one. */
  public static Optional<StageOneRun> of(Variant v, Settings settings, Regime regime) {
    return regime.hasStageOne() && settings.training().epochs() == 0
        ? Optional.of(of(v))
        : Optional.empty();
  }

  /** The run's name: {@code stage1-r<depth>-<blocks>}. */
  public String label() {
    return String.format("stage1-r%d-%d", depth, blocks);
  }

  /** The variant that trains it: one with Stage I (and two branches), the frozen one. */
  public Variant variant() {
    return new Variant(Regime.FROZEN, depth, blocks);
  }
}
