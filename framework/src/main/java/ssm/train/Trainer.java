package ssm.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PrimitiveIterator;
import java.util.stream.IntStream;
import org.tensorflow.Session;
import ssm.data.ClassificationExample;
import ssm.data.Prefetcher;
import ssm.data.SegmentationExample;
import ssm.loss.LossTags;
import ssm.settings.TrainingSettings;

/**
 * The training loop of docs/explanation/model.md#52-protocol: Stage I (segmentation steps only)
 * where the regime has it, then Stage II, where each classification slice brings a random
 * segmentation slice: a segmentation step when it has lesions (then, in the scratch regime, the
 * branch copy when its loss is the lowest so far), then a classification step. Data is decoded
 * ahead on a background thread; each step is one Session.run that fetches only scalar losses. Both
 * steps feed the learning rate of {@code training.lr-schedule} at the step's place in its stage.
 */
public final class Trainer {
  private static final int PREFETCH = 4;
  private final Session session;
  private final TrainingGraph graph;
  private final TrainingData data;
  private final TrainingSettings settings;
  private final List<TrainingHook> hooks;
  private final StagePlan plan;
  private final SegmentationStep segmentationStep;
  private final ClassificationStep classificationStep;
  private int gradientPeriod;

  public Trainer(
      Session session,
      TrainingGraph graph,
      TrainingData data,
      TrainingSettings settings,
      List<TrainingHook> hooks) {
    this(session, graph, data, settings, StagePlan.of(settings, data), hooks);
  }

  /** As the constructor above, with the stage plan of {@code data} and {@code settings}. */
  public Trainer(
      Session session,
      TrainingGraph graph,
      TrainingData data,
      TrainingSettings settings,
      StagePlan plan,
      List<TrainingHook> hooks) {
    this.plan = plan;
    this.session = session;
    this.graph = graph;
    this.data = data;
    this.settings = settings;
    this.hooks = List.copyOf(hooks);
    this.segmentationStep =
        new SegmentationStep(graph, settings.seed(), settings::segmentationLossWeight);
    this.classificationStep = new ClassificationStep(graph, settings.seed());
  }

  /**
   * Also fetches the segmentation step's gradients every {@code steps} steps (in the same
   * Session.run), handed to the hooks in {@link StepResult#gradients()}; 0 never.
   */
  public void fetchGradientsEvery(int steps) {
    this.gradientPeriod = steps;
  }

  /** The stages, epochs and steps this trainer runs. */
  public StagePlan plan() {
    return plan;
  }

  /** Runs from {@code state} to the end; returns the final state. */
  public TrainingState run(TrainingState state) throws Exception {
    for (TrainingHook h : hooks) {
      h.beforeTraining(state);
    }
    while (true) {
      state = plan.settle(state);
      if (plan.atEnd(state)) {
        break;
      }
      if (state.stage() == 2 && state.epoch() == 0 && state.position() == 0) {
        graph.copyRule.atStageTwoStart(session);
      }
      state = epoch(state);
    }
    for (TrainingHook h : hooks) {
      h.afterTraining(state);
    }
    return state;
  }

  private TrainingState epoch(TrainingState state) throws Exception {
    EpochPlan plan = new EpochPlan(data, settings.seed(), state.stage(), state.epoch());
    PrimitiveIterator.OfInt positions = IntStream.range(state.position(), plan.size()).iterator();
    try (Prefetcher<StepInput> inputs = new Prefetcher<>(plan, positions, PREFETCH)) {
      while (inputs.hasNext()) {
        long start = System.nanoTime();
        StepInput in = inputs.next();
        StepResult result = step(state, in, start);
        state = result.state();
        for (TrainingHook h : hooks) {
          h.afterStep(result);
        }
      }
    }
    TrainingState next = state.nextEpoch();
    for (TrainingHook h : hooks) {
      h.afterEpoch(state, next);
    }
    return next;
  }

  /** The learning rate of the segmentation step of the step that starts from {@code state}. */
  public double learningRate(TrainingState state) {
    return settings.learningRate(
        state.stage(), plan.stepInStage(state), plan.stepsInStage(state.stage()));
  }

  /**
   * The learning rate of the classification step of the Stage II step that starts from {@code
   * state}.
   */
  public double classificationLearningRate(TrainingState state) {
    return settings.classificationLearningRate(
        plan.stepInStage(state), plan.stepsInStage(state.stage()));
  }

  private StepResult step(TrainingState state, StepInput in, long start) {
    double lr = learningRate(state);
    double classificationLr = Double.NaN;
    Map<String, Float> losses = new LinkedHashMap<>();
    double best = state.bestSegmentationLoss();
    boolean copied = false;
    StringBuilder slices = new StringBuilder();
    Map<String, float[]> gradients = new LinkedHashMap<>();
    SegmentationExample seg = in.segmentation();
    if (seg != null
        && seg.count() > 0) { // no lesions: skipped (docs/explanation/model.md#52-protocol)
      slices.append(seg.id());
      boolean withGradients = gradientPeriod > 0 && state.globalStep() % gradientPeriod == 0;
      losses.putAll(
          segmentationStep.run(
              session, seg, state.globalStep(), lr, withGradients ? gradients : null));
      float loss = losses.get(LossTags.SEGMENTATION);
      boolean lowest = loss < best; // false for NaN, which NanGuard reports
      copied = graph.copyRule.afterSegmentationStep(session, state.stage(), lowest);
      best = lowest ? loss : best;
    }
    ClassificationExample cls = in.classification();
    if (cls != null) {
      slices.append(slices.length() > 0 ? ", " : "").append(cls.id());
      classificationLr = classificationLearningRate(state);
      losses.putAll(classificationStep.run(session, cls, state.globalStep(), classificationLr));
    }
    return new StepResult(
        state.next(best),
        losses,
        copied,
        (System.nanoTime() - start) / 1e9,
        slices.toString(),
        gradients,
        lr,
        classificationLr);
  }
}
