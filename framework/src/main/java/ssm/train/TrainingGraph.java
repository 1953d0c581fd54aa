package ssm.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TUint8;
import ssm.graph.GraphContext;
import ssm.loss.ImageClassLoss;
import ssm.loss.LossTags;
import ssm.loss.Losses;
import ssm.model.InferenceGraph;
import ssm.model.SsmModel;
import ssm.model.StepUpdates;
import ssm.settings.TrainingSettings;

/**
 * The whole training graph of a run, built once: the segmentation step (Eq. 1, BatchNorm in
 * training mode) and the classification step (Eq. 2, BatchNorm in inference mode) over one set of
 * weights, one PyTorch-style Adam whose per-parameter state both steps share (as the reference's
 * single optimizer), and the branch copy of the scratch and frozen regimes; with {@code
 * training.collection-adversary-weight}, a collection adversary trained in the classification step.
 * The classification path is the full inference graph, so validation runs in the same session.
 */
public final class TrainingGraph {
  /** Segmentation inputs: slice [H, W, 3], gt boxes [G, 4], gt masks [G, H, W] (0/1). */
  public final Placeholder<TFloat32> segImage;

  public final Placeholder<TFloat32> segBoxes;
  public final Placeholder<TUint8> segMasks;

  /**
   * The weight of the segmentation step's loss in its gradient: 1 by default; a pseudo-labelled
   * slice's step feeds {@code training.pseudo-label-weight}. The fetched losses stay unweighted.
   */
  public final Operand<TFloat32> segLossWeight;

  /** Classification inputs: slice [H, W, 3] and its label. */
  public final Placeholder<TFloat32> clsImage;

  public final Placeholder<TInt32> clsLabel;

  /**
   * Fed true by every classification training step; false by default, so validation and prediction
   * see the slice as it is; a training step zooms, mirrors or jitters it as the settings say
   * ({@link ClassificationAugmentation}), with draws from {@link #seed}.
   */
  public final Operand<TBool> clsTrainingStep;

  /** Stateless seed [2] of the step's samplers and RoI-batch padding. */
  public final Placeholder<TInt64> seed;

  /**
   * Eq. 1 terms by tag ({@code loss/rpn_objectness}, ...) and their sum {@code loss/segmentation}.
   */
  public final Map<String, Operand<TFloat32>> segmentationLosses;

  public final Operand<TFloat32> segmentationLoss;

  /** Eq. 2: S's BCE against the one-hot label. */
  public final Operand<TFloat32> classificationLoss;

  /**
   * The collection adversary of {@code training.collection-adversary-weight}, trained by each
   * classification step; empty at weight 0 (the paper's).
   */
  public final Optional<CollectionAdversary> collectionAdversary;

  /** The inference outputs on {@link #clsImage} (validation, prediction). */
  public final InferenceGraph inference;

  public final Op segmentationStep;
  public final Op classificationStep;

  /** Copies the segmentation branch into the classification branch, at the regime's moments. */
  public final CopyRule copyRule;

  public final PytorchAdam optimizer;

  /** The segmentation step's gradients, for histograms (parameters the loss reaches). */
  public final List<PytorchAdam.ParameterGradient> segmentationGradients;

  private TrainingGraph(
      GraphContext g, SsmModel model, TrainingSettings settings, CollectionIndex collections) {
    Ops tf = g.ops();
    segImage =
        tf.withName("seg_image")
            .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, 3)));
    segBoxes =
        tf.withName("seg_boxes").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 4)));
    segMasks =
        tf.withName("seg_masks").placeholder(TUint8.class, Placeholder.shape(Shape.of(-1, -1, -1)));
    segLossWeight =
        tf.withName("seg_loss_weight").placeholderWithDefault(tf.constant(1f), Shape.scalar());
    clsImage =
        tf.withName("image").placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, 3)));
    clsLabel = tf.withName("label").placeholder(TInt32.class, Placeholder.shape(Shape.scalar()));
    seed = tf.withName("seed").placeholder(TInt64.class, Placeholder.shape(Shape.of(2)));
    clsTrainingStep =
        tf.withName("training_step").placeholderWithDefault(tf.constant(false), Shape.scalar());

    Losses.SegmentationTerms terms =
        model.buildSegmentationTraining(
            g, segImage, segBoxes, tf.dtypes.cast(segMasks, TFloat32.class), seed);
    segmentationLoss = Losses.segmentation(tf, terms);
    segmentationLosses = new LinkedHashMap<>(terms.byTag());
    segmentationLosses.put(LossTags.SEGMENTATION, segmentationLoss);
    List<Op> batchNormUpdates = new ArrayList<>(g.batchNormUpdates());

    inference =
        model.buildInference(
            g,
            ClassificationAugmentation.apply(tf, settings, clsImage, clsTrainingStep, seed),
            seed);
    classificationLoss =
        Losses.classification(
            tf,
            ImageClassLoss.forLabel(
                tf, inference.classLogits(), clsLabel, model.settings().classifier().classes()));

    optimizer = new PytorchAdam(tf, "adam", settings.learningRate(), settings.weightDecay());
    List<PytorchAdam.ParameterGradient> gradients =
        PytorchAdam.gradients(
            g.graph(),
            tf.math.mul(segmentationLoss, segLossWeight),
            g.parameters().trainable(StepUpdates.segmentationStep(model.classificationSource())));
    segmentationGradients = gradients.stream().filter(p -> p.gradient() != null).toList();
    Op segmentationUpdate = optimizer.update(gradients);
    List<Op> segmentationOps = new ArrayList<>(batchNormUpdates);
    segmentationOps.add(segmentationUpdate);
    segmentationStep =
        tf.withControlDependencies(segmentationOps).withName("segmentation_step").noOp();
    collectionAdversary =
        settings.collectionAdversaryWeight() > 0
            ? Optional.of(
                new CollectionAdversary(
                    g.graph(),
                    settings.seed(),
                    model.settings().classifier(),
                    inference.classHidden(),
                    clsLabel,
                    collections))
            : Optional.empty();
    // S (and what the update rule adds) minimises its loss plus the weighted confusion; the
    // adversary, its own loss
    Operand<TFloat32> sObjective =
        collectionAdversary
            .<Operand<TFloat32>>map(
                a ->
                    tf.math.add(
                        classificationLoss,
                        tf.math.mul(
                            tf.constant((float) settings.collectionAdversaryWeight()),
                            a.confusion)))
            .orElse(classificationLoss);
    List<PytorchAdam.ParameterGradient> classificationGradients =
        new ArrayList<>(
            PytorchAdam.gradients(
                g.graph(),
                sObjective,
                g.parameters()
                    .trainable(
                        StepUpdates.classificationStep(
                            settings.updateRule(), model.classificationSource()))));
    collectionAdversary.ifPresent(
        a ->
            classificationGradients.addAll(
                PytorchAdam.gradients(g.graph(), a.loss, a.parameters())));
    Op classificationUpdate = optimizer.update(zeroWhereUnreached(tf, classificationGradients));
    List<Op> classificationOps = new ArrayList<>(g.classifierStatisticsUpdates());
    classificationOps.add(classificationUpdate);
    classificationStep =
        tf.withControlDependencies(classificationOps).withName("classification_step").noOp();
    copyRule = CopyRule.build(g, model, settings.regime());
  }

  /**
   * docs/explanation/model.md#53-update-rules: the RoI batch carries no gradient into the network,
   * so S's loss reaches only S. The reference still steps its optimizer over the backbone in a
   * classification step, whose gradients torch's {@code zero_grad()} left as zeros: the backbone
   * moves by weight decay and Adam momentum. The same here: an update-rule parameter the loss does
   * not reach gets a zero gradient instead of none.
   */
  private static List<PytorchAdam.ParameterGradient> zeroWhereUnreached(
      Ops tf, List<PytorchAdam.ParameterGradient> pairs) {
    return pairs.stream()
        .map(
            p ->
                p.gradient() != null
                    ? p
                    : new PytorchAdam.ParameterGradient(
                        p.name(), p.variable(), tf.zerosLike(p.variable())))
        .toList();
  }

  /**
   * Builds the training graph of {@code model} into {@code g}, without a collection adversary:
   * {@code training.collection-adversary-weight} must be 0.
   */
  public static TrainingGraph build(GraphContext g, SsmModel model, TrainingSettings settings) {
    return build(g, model, settings, null);
  }

  /**
   * Builds the training graph of {@code model} into {@code g}; a collection adversary, if the
   * settings ask for one, tells apart the {@code collections} of the classification training
   * slices.
   */
  public static TrainingGraph build(
      GraphContext g, SsmModel model, TrainingSettings settings, CollectionIndex collections) {
    if (settings.collectionAdversaryWeight() > 0 && collections == null) {
      throw new IllegalArgumentException(
          "training.collection-adversary-weight > 0 needs the training slices' collections");
    }
    return new TrainingGraph(g, model, settings, collections);
  }
}
