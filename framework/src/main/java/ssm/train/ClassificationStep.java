package ssm.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import ssm.data.ClassificationExample;
import ssm.graph.Tensors;
import ssm.loss.LossTags;

/**
 * One classification step (Eq. 2) of a {@link TrainingGraph}: feeds the slice, its label, the
 * step's seed and the learning rate (and, with a collection adversary, the slice's collection);
 * runs the update of the update rule's parameters; fetches S's loss (and the adversary's).
 */
public final class ClassificationStep {
  private final TrainingGraph graph;
  private final long runSeed;

  /** The step of {@code graph}, seeded from {@code runSeed} ({@code training.seed}). */
  public ClassificationStep(TrainingGraph graph, long runSeed) {
    this.graph = graph;
    this.runSeed = runSeed;
  }

  /**
   * Runs step {@code step} on {@code cls} at learning rate {@code lr}; S's loss by its tag ({@link
   * LossTags#CLASSIFICATION}) and, with a collection adversary, the adversary's ({@link
   * LossTags#COLLECTION_ADVERSARY}).
   */
  public Map<String, Float> run(Session session, ClassificationExample cls, long step, double lr) {
    try (Feeds f = new Feeds(cls, step, lr);
        Result r = f.runner(session).run()) {
      Map<String, Float> losses = new LinkedHashMap<>();
      losses.put(LossTags.CLASSIFICATION, Tensors.scalar(r.get(0)));
      if (f.collection != null) {
        losses.put(LossTags.COLLECTION_ADVERSARY, Tensors.scalar(r.get(1)));
      }
      return losses;
    }
  }

  /** Runs step {@code step} as {@link #run} does, traced with {@code options}; its metadata. */
  public Optional<RunMetadata> trace(
      Session session, ClassificationExample cls, long step, double lr, RunOptions options) {
    try (Feeds f = new Feeds(cls, step, lr);
        Result r = f.runner(session).setOptions(options).runAndFetchMetadata()) {
      return r.getMetadata();
    }
  }

  /** The step's input tensors, closed together. */
  private final class Feeds implements AutoCloseable {
    private final TFloat32 image;
    private final TInt32 label;
    private final TInt64 seed;
    private final TFloat64 rate;
    private final TBool trainingStep;
    private final TInt32 collection;

    Feeds(ClassificationExample cls, long step, double lr) {
      image = StepFeeds.pixels(cls.image());
      label = TInt32.scalarOf(cls.label());
      seed = StepFeeds.seed(runSeed, step, StepFeeds.CLASSIFICATION_PART);
      rate = TFloat64.scalarOf(lr);
      trainingStep = TBool.scalarOf(true);
      collection =
          graph
              .collectionAdversary
              .map(a -> TInt32.scalarOf(a.collections().of(cls.id())))
              .orElse(null);
    }

    Session.Runner runner(Session session) {
      Session.Runner runner =
          session
              .runner()
              .feed(graph.clsImage, image)
              .feed(graph.clsLabel, label)
              .feed(graph.seed, seed)
              .feed(graph.optimizer.learningRate(), rate)
              .feed(graph.clsTrainingStep, trainingStep)
              .addTarget(graph.classificationStep)
              .fetch(graph.classificationLoss);
      graph.collectionAdversary.ifPresent(a -> runner.feed(a.collection, collection).fetch(a.loss));
      return runner;
    }

    @Override
    public void close() {
      image.close();
      label.close();
      seed.close();
      rate.close();
      trainingStep.close();
      if (collection != null) {
        collection.close();
      }
    }
  }
}
