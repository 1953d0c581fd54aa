package ssm.settings;

/**
 * How the classification branch relates to the segmentation branch
 * (docs/explanation/model.md#4-variants-and-regimes), HOCON key {@code training.regime}, written in
 * kebab case ({@code shared | frozen | scratch}). All three update everything but S and the
 * classification branch in a segmentation step; they differ in Stage I and in when the
 * classification branch receives the segmentation branch's weights.
 */
public enum Regime {
  /** Paper 3.2, first approach ("SSM"): Stage I, then one RoI branch serves both tasks. */
  SHARED("SSM", true, false, false),
  /** Paper 3.2, second approach ("SSM2"): Stage I, then a never-updated copy of the branch. */
  FROZEN("SSM2", true, true, false),
  /** Paper 3.3 ("SSM-S"): no Stage I; the segmentation branch is copied when its loss improves. */
  SCRATCH("SSM-S", false, false, true);

  private final String paperFamily;
  private final boolean stageOne;
  private final boolean copiesAtStageTwo;
  private final boolean copiesOnImprovement;

  Regime(
      String paperFamily, boolean stageOne, boolean copiesAtStageTwo, boolean copiesOnImprovement) {
    this.paperFamily = paperFamily;
    this.stageOne = stageOne;
    this.copiesAtStageTwo = copiesAtStageTwo;
    this.copiesOnImprovement = copiesOnImprovement;
  }

  /**
   * The name used in configs and variant names: {@code shared}, {@code frozen}, {@code scratch}.
   */
  public String configName() {
    return KebabNames.of(this);
  }

  /** The paper's family name: SSM (shared), SSM2 (frozen), SSM-S (scratch). */
  public String paperFamily() {
    return paperFamily;
  }

  /** Whether Stage I (segmentation steps only) runs before Stage II: shared and frozen. */
  public boolean hasStageOne() {
    return stageOne;
  }

  /**
   * Whether the classification branch receives the segmentation branch's weights once, when Stage
   * II starts, and is never updated after (frozen).
   */
  public boolean copiesAtStageTwo() {
    return copiesAtStageTwo;
  }

  /**
   * Whether the classification branch receives the segmentation branch's weights after every Stage
   * II segmentation step whose loss is the lowest so far (scratch).
   */
  public boolean copiesOnImprovement() {
    return copiesOnImprovement;
  }

  /**
   * Whether this regime has a separate classification RoI branch (frozen and scratch): exactly the
   * regimes that copy weights into it. With one branch (shared), nothing is ever copied.
   */
  public boolean twoBranches() {
    return copiesAtStageTwo || copiesOnImprovement;
  }

  /**
   * Parses a config name; an unknown one throws {@link IllegalArgumentException} naming {@code
   * key}, the value and the allowed names.
   */
  public static Regime parse(String key, String value) {
    return KebabNames.parse(Regime.class, key, value);
  }
}
