package ssm.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PrimitiveIterator;
import java.util.stream.IntStream;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import ssm.data.ClassificationExample;
import ssm.data.Prefetcher;
import ssm.data.SegmentationExample;
import ssm.data.Slice;
import ssm.graph.Tensors;
import ssm.settings.TrainingSettings;

/**
 * The training loop of docs/model.md#52-protocol: Stage I (segmentation steps only) where the
 * regime has it, then Stage II, where each classification slice brings a random segmentation slice:
 * a segmentation step when it has lesions (then, in the scratch regime, the branch copy when its
 * loss is the lowest so far), then a classification step. Data is decoded ahead on a
 * background thread; each step is one Session.run that fetches only scalar losses. Both steps
 * feed the learning rate of {@code training.lr-schedule} at the step's place in its stage.
 */
public final class Trainer {
  /** Tag of the classification loss. */
  public static final String CLASSIFICATION_LOSS = "loss/s";
  private static final int PREFETCH = 4;
  private final Session session;
  private final TrainingGraph graph;
  private final TrainingData data;
  private final TrainingSettings settings;
  private final List<TrainingHook> hooks;
  private int gradientPeriod;

  public Trainer(Session session, TrainingGraph graph, TrainingData data,
      TrainingSettings settings, List<TrainingHook> hooks) {
    this.session = session;
    this.graph = graph;
    this.data = data;
    this.settings = settings;
    this.hooks = new ArrayList<>(hooks);
  }

  /**
   * Also fetches the segmentation step's gradients every {@code steps} steps (in the same
   * Session.run), handed to the hooks in {@link StepResult#gradients()}; 0 never.
   */
  public void fetchGradientsEvery(int steps) {
    this.gradientPeriod = steps;
  }

  /** Adds a hook after those given at construction. */
  public void addHook(TrainingHook hook) {
    hooks.add(hook);
  }

  /** The first hook of {@code type}. */
  public <T extends TrainingHook> T hook(Class<T> type) {
    return hooks.stream().filter(type::isInstance).map(type::cast).findFirst()
        .orElseThrow(() -> new IllegalStateException("no " + type.getSimpleName()));
  }

  /** Epochs of {@code stage}. */
  public int epochs(int stage) {
    return stage == 1 ? settings.stage1Epochs() : settings.epochs();
  }

  /** Runs from {@code state} to the end; returns the final state. */
  public TrainingState run(TrainingState state) throws Exception {
    for (TrainingHook h : hooks) {
      h.beforeTraining(state);
    }
    while (state.stage() <= 2) {
      if (state.stage() == 1 && state.epoch() >= epochs(1)) {
        state = state.stageTwo();
        continue;
      }
      if (state.stage() == 2 && state.epoch() >= epochs(2)) {
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

  /** The learning rate of the step that starts from {@code state}. */
  public double learningRate(TrainingState state) {
    long perEpoch = state.stage() == 1 ? data.segmentation().size()
        : data.classification().size();
    return settings.learningRate(state.epoch() * perEpoch + state.position(),
        epochs(state.stage()) * perEpoch);
  }

  private StepResult step(TrainingState state, StepInput in, long start) {
    double lr = learningRate(state);
    Map<String, Float> losses = new LinkedHashMap<>();
    double best = state.bestSegmentationLoss();
    boolean copied = false;
    StringBuilder slices = new StringBuilder();
    Map<String, float[]> gradients = new LinkedHashMap<>();
    SegmentationExample seg = in.segmentation();
    if (seg != null && seg.count() > 0) { // no lesions: skipped (docs/model.md#52-protocol)
      slices.append(seg.id());
      boolean withGradients = gradientPeriod > 0 && state.globalStep() % gradientPeriod == 0;
      losses.putAll(segmentationStep(seg, state.globalStep(), lr,
          withGradients ? gradients : null));
      float loss = losses.get("loss/segmentation");
      boolean lowest = loss < best; // false for NaN, which NanGuard reports
      copied = graph.copyRule.afterSegmentationStep(session, state.stage(), lowest);
      best = lowest ? loss : best;
    }
    ClassificationExample cls = in.classification();
    if (cls != null) {
      slices.append(slices.length() > 0 ? ", " : "").append(cls.id());
      losses.put(CLASSIFICATION_LOSS, classificationStep(cls, state.globalStep(), lr));
    }
    return new StepResult(state.next(best), losses, copied, (System.nanoTime() - start) / 1e9,
        slices.toString(), gradients, lr);
  }

  /** One segmentation step (Eq. 1) on {@code seg} at the base learning rate; its losses by tag. */
  public Map<String, Float> segmentationStep(SegmentationExample seg, long step) {
    return segmentationStep(seg, step, settings.learningRate(), null);
  }

  /** A segmentation step; when {@code gradients} is not null, fills it by parameter name. */
  private Map<String, Float> segmentationStep(SegmentationExample seg, long step, double lr,
      Map<String, float[]> gradients) {
    Slice image = seg.image();
    List<Tensor> feeds = new ArrayList<>();
    try {
      Session.Runner runner = session.runner()
          .feed(graph.segImage, track(feeds, pixels(image)))
          .feed(graph.segBoxes, track(feeds, Tensors.floats(seg.boxes(), seg.count(), 4)))
          .feed(graph.segMasks, track(feeds,
              Tensors.bytes(seg.masks(), seg.count(), image.height(), image.width())))
          .feed(graph.seed, track(feeds, seedTensor(step, 0)))
          .feed(graph.optimizer.learningRate(), track(feeds, TFloat64.scalarOf(lr)))
          .addTarget(graph.segmentationStep);
      List<String> tags = new ArrayList<>(graph.segmentationLosses.keySet());
      for (Operand<TFloat32> loss : graph.segmentationLosses.values()) {
        runner.fetch(loss);
      }
      if (gradients != null) {
        graph.segmentationGradients.forEach(p -> runner.fetch(p.gradient()));
      }
      Map<String, Float> out = new LinkedHashMap<>();
      try (Result r = runner.run()) {
        for (int i = 0; i < tags.size(); i++) {
          out.put(tags.get(i), Tensors.scalar(r.get(i)));
        }
        for (int i = 0; gradients != null && i < graph.segmentationGradients.size(); i++) {
          gradients.put(graph.segmentationGradients.get(i).name(),
              Tensors.toFloats(r.get(tags.size() + i)));
        }
      }
      return out;
    } finally {
      feeds.forEach(Tensor::close);
    }
  }

  /** One classification step (Eq. 2) on {@code cls} at the base learning rate; its loss. */
  public float classificationStep(ClassificationExample cls, long step) {
    return classificationStep(cls, step, settings.learningRate());
  }

  private float classificationStep(ClassificationExample cls, long step, double lr) {
    try (TFloat32 image = pixels(cls.image());
        Tensor label = org.tensorflow.types.TInt32.scalarOf(cls.label());
        Tensor seed = seedTensor(step, 1);
        TFloat64 rate = TFloat64.scalarOf(lr);
        Result r = session.runner().feed(graph.clsImage, image)
            .feed(graph.clsLabel, label).feed(graph.seed, seed)
            .feed(graph.optimizer.learningRate(), rate)
            .addTarget(graph.classificationStep).fetch(graph.classificationLoss).run()) {
      return Tensors.scalar(r.get(0));
    }
  }

  /** The stateless seed of step {@code step}'s part {@code part} (0 segmentation, 1 classification). */
  private Tensor seedTensor(long step, int part) {
    return org.tensorflow.types.TInt64.vectorOf(settings.seed(), 2 * step + part);
  }

  static TFloat32 pixels(Slice s) {
    return Tensors.floats(s.pixels(), s.height(), s.width(), 3);
  }

  private static <T extends Tensor> T track(List<Tensor> feeds, T t) {
    feeds.add(t);
    return t;
  }
}
