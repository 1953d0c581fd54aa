package ssm.train;

import ssm.settings.TrainingSettings;

/**
 * The shape of a run's training (docs/explanation/model.md#52-protocol): Stage I, segmentation
 * steps over the segmentation slices, then Stage II, one step per classification slice; how many
 * epochs each stage has and how many steps each epoch; where a state stands in its stage (the
 * learning-rate schedule's position) and whether a run has anything left to train. Whether a run
 * has a Stage I at all is its start state's ({@link TrainingState#start}).
 *
 * @param stageOneEpochs epochs of Stage I ({@code training.stage1-epochs})
 * @param stageTwoEpochs epochs of Stage II ({@code training.epochs})
 * @param stageOneSteps steps of a Stage I epoch: the segmentation slices
 * @param stageTwoSteps steps of a Stage II epoch: the classification slices
 */
public record StagePlan(
    int stageOneEpochs, int stageTwoEpochs, int stageOneSteps, int stageTwoSteps) {

  public StagePlan {
    if (stageOneEpochs < 0 || stageTwoEpochs < 0 || stageOneSteps < 0 || stageTwoSteps < 0) {
      throw new IllegalArgumentException(
          String.format(
              "a stage plan counts no negative epochs or steps: stage I %d x %d, stage II %d x %d",
              stageOneEpochs, stageOneSteps, stageTwoEpochs, stageTwoSteps));
    }
  }

  /** The plan of training {@code data} with {@code settings}. */
  public static StagePlan of(TrainingSettings settings, TrainingData data) {
    return new StagePlan(
        settings.stage1Epochs(),
        settings.epochs(),
        data.segmentation().size(),
        data.classification().size());
  }

  /** The epochs of a run with {@code settings}, whatever its data (its steps are not counted). */
  public static StagePlan epochsOf(TrainingSettings settings) {
    return new StagePlan(settings.stage1Epochs(), settings.epochs(), 0, 0);
  }

  /** Epochs of {@code stage} (1 or 2). */
  public int epochs(int stage) {
    return stage == 1 ? stageOneEpochs : stageTwoEpochs;
  }

  /** Steps of an epoch of {@code stage} (1 or 2). */
  public int stepsPerEpoch(int stage) {
    return stage == 1 ? stageOneSteps : stageTwoSteps;
  }

  /** Steps of the whole of {@code stage}: the learning-rate schedule's length. */
  public long stepsInStage(int stage) {
    return (long) epochs(stage) * stepsPerEpoch(stage);
  }

  /** Steps of its stage done before {@code state}: the learning-rate schedule's position. */
  public long stepInStage(TrainingState state) {
    return (long) state.epoch() * stepsPerEpoch(state.stage()) + state.position();
  }

  /** {@code state}, moved on to the start of Stage II where it stands after Stage I's end. */
  public TrainingState settle(TrainingState state) {
    return state.stage() == 1 && state.epoch() >= stageOneEpochs ? state.stageTwo() : state;
  }

  /** Whether a settled {@code state} stands at the end of Stage II: no step left. */
  public boolean atEnd(TrainingState state) {
    TrainingState s = settle(state);
    return s.stage() == 2 && s.epoch() >= stageTwoEpochs;
  }

  /** Whether a run at {@code state} has trained and has no step left (a finished run resumed). */
  public boolean finished(TrainingState state) {
    return state.globalStep() > 0 && atEnd(state);
  }
}
