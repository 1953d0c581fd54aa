package ssm.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import ssm.data.SegmentationExample;
import ssm.data.Slice;
import ssm.data.SliceCollection;
import ssm.graph.Tensors;

/**
 * One segmentation step (Eq. 1) of a {@link TrainingGraph}: feeds the slice, its lesion boxes and
 * masks, the step's seed, the learning rate and the slice's loss weight; runs the update; fetches
 * every loss term by tag and, on request, the gradients.
 */
public final class SegmentationStep {
  private final TrainingGraph graph;
  private final long runSeed;
  private final ToDoubleFunction<String> lossWeightOfCollection;

  /**
   * The step of {@code graph}, seeded from {@code runSeed} ({@code training.seed}); a slice's loss
   * weight is {@code lossWeightOfCollection} of its collection ({@link SliceCollection}).
   */
  public SegmentationStep(
      TrainingGraph graph, long runSeed, ToDoubleFunction<String> lossWeightOfCollection) {
    this.graph = graph;
    this.runSeed = runSeed;
    this.lossWeightOfCollection = lossWeightOfCollection;
  }

  /** The step of {@code graph} with every slice at weight 1. */
  public SegmentationStep(TrainingGraph graph, long runSeed) {
    this(graph, runSeed, collection -> 1);
  }

  /**
   * Runs step {@code step} on {@code seg} at learning rate {@code lr}; its losses by tag. When
   * {@code gradients} is not null, also fetches the gradients into it by parameter name.
   */
  public Map<String, Float> run(
      Session session,
      SegmentationExample seg,
      long step,
      double lr,
      Map<String, float[]> gradients) {
    List<Tensor> feeds = new ArrayList<>();
    try {
      Session.Runner runner = runner(session, seg, step, lr, feeds);
      if (gradients != null) {
        graph.segmentationGradients.forEach(p -> runner.fetch(p.gradient()));
      }
      List<String> tags = new ArrayList<>(graph.segmentationLosses.keySet());
      Map<String, Float> out = new LinkedHashMap<>();
      try (Result r = runner.run()) {
        for (int i = 0; i < tags.size(); i++) {
          out.put(tags.get(i), Tensors.scalar(r.get(i)));
        }
        for (int i = 0; gradients != null && i < graph.segmentationGradients.size(); i++) {
          gradients.put(
              graph.segmentationGradients.get(i).name(), Tensors.toFloats(r.get(tags.size() + i)));
        }
      }
      return out;
    } finally {
      feeds.forEach(Tensor::close);
    }
  }

  /** Runs step {@code step} as {@link #run} does, traced with {@code options}; its metadata. */
  public Optional<RunMetadata> trace(
      Session session, SegmentationExample seg, long step, double lr, RunOptions options) {
    List<Tensor> feeds = new ArrayList<>();
    try (Result r =
        runner(session, seg, step, lr, feeds).setOptions(options).runAndFetchMetadata()) {
      return r.getMetadata();
    } finally {
      feeds.forEach(Tensor::close);
    }
  }

  /**
   * The feeds, the update target and the loss fetches (in tag order); feeds land in {@code feeds}.
   */
  private Session.Runner runner(
      Session session, SegmentationExample seg, long step, double lr, List<Tensor> feeds) {
    Slice image = seg.image();
    Session.Runner runner =
        session
            .runner()
            .feed(graph.segImage, track(feeds, StepFeeds.pixels(image)))
            .feed(graph.segBoxes, track(feeds, Tensors.floats(seg.boxes(), seg.count(), 4)))
            .feed(
                graph.segMasks,
                track(
                    feeds, Tensors.bytes(seg.masks(), seg.count(), image.height(), image.width())))
            .feed(
                graph.seed,
                track(feeds, StepFeeds.seed(runSeed, step, StepFeeds.SEGMENTATION_PART)))
            .feed(graph.optimizer.learningRate(), track(feeds, TFloat64.scalarOf(lr)))
            .feed(graph.segLossWeight, track(feeds, TFloat32.scalarOf(lossWeight(seg))))
            .addTarget(graph.segmentationStep);
    for (Operand<TFloat32> loss : graph.segmentationLosses.values()) {
      runner.fetch(loss);
    }
    return runner;
  }

  /** The loss weight of {@code seg}, from its collection. */
  float lossWeight(SegmentationExample seg) {
    return (float) lossWeightOfCollection.applyAsDouble(SliceCollection.fromFileName(seg.id()));
  }

  private static <T extends Tensor> T track(List<Tensor> feeds, T t) {
    feeds.add(t);
    return t;
  }
}
