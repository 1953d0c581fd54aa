package ssm.model;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import ssm.backbone.Fpn;
import ssm.backbone.TruncatedResNet;
import ssm.box.Anchors;
import ssm.box.RoiAlign;
import ssm.classify.SHead;
import ssm.graph.GraphContext;
import ssm.layers.BatchNormMode;
import ssm.loss.Losses;
import ssm.loss.MaskLoss;
import ssm.loss.RoiLoss;
import ssm.loss.RpnLoss;
import ssm.mask.MaskHead;
import ssm.roi.BoxBranch;
import ssm.roi.BranchOutputs;
import ssm.roi.ClassificationRoiSource;
import ssm.roi.DetectionSelector;
import ssm.roi.Detections;
import ssm.roi.OrderPreservingPadding;
import ssm.roi.RoiBatch;
import ssm.roi.RoiBatchBuilder;
import ssm.rpn.ProposalGenerator;
import ssm.rpn.Proposals;
import ssm.rpn.RpnHead;
import ssm.rpn.RpnOutputs;
import ssm.settings.ModelSettings;
import ssm.targets.AnchorTargets;
import ssm.targets.BalancedSampler;
import ssm.targets.MaskTargets;
import ssm.targets.RoiTargets;
import ssm.targets.RpnTargets;
import ssm.targets.SampledRois;

/**
 * The Single-Shot Model: truncated ResNet + FPN -> RPN -> proposals -> two RoI outputs, lesion
 * instances (segmentation branch + mask head) and the image class (RoI batch -> S). Builds the
 * graph; holds no graph state, so one instance can build several paths over the same weights.
 *
 * <p>Every stage is built the same way: {@code (GraphContext g, Ops scope, inputs...)} when it
 * creates parameters, {@code (Ops scope, inputs...)} when it does not; it builds its ops in one
 * sub-scope, named for the stage, of the scope it is given. Parameter names come from the registry
 * and do not depend on the scope.
 */
public final class SsmModel {
  private final ModelSettings settings;
  private final InputTransform input;
  private final TruncatedResNet body;
  private final Fpn fpn;
  private final RpnHead rpnHead;
  private final ProposalGenerator proposalGenerator;
  private final BoxBranch segmentationBranch;
  private final ClassificationRoiSource classificationSource;
  private final DetectionSelector detectionSelector;
  private final RoiBatchBuilder roiBatchBuilder;
  private final MaskHead maskHead;
  private final SHead sHead;
  private final float[] cellAnchors;

  /**
   * A model from its parts; {@code experiments} wires them with Guice, one module per concern (the
   * one wiring path).
   */
  public SsmModel(
      ModelSettings settings,
      TruncatedResNet body,
      Fpn fpn,
      RpnHead rpnHead,
      ProposalGenerator proposalGenerator,
      BoxBranch segmentationBranch,
      DetectionSelector detectionSelector,
      MaskHead maskHead,
      ClassificationRoiSource classificationSource,
      RoiBatchBuilder roiBatchBuilder,
      SHead sHead) {
    this.settings = settings;
    this.input = new InputTransform(settings.input());
    this.body = body;
    this.fpn = fpn;
    this.rpnHead = rpnHead;
    this.proposalGenerator = proposalGenerator;
    this.segmentationBranch = segmentationBranch;
    this.detectionSelector = detectionSelector;
    this.maskHead = maskHead;
    this.classificationSource = classificationSource;
    this.roiBatchBuilder = roiBatchBuilder;
    this.sHead = sHead;
    this.cellAnchors = Anchors.cell(settings.anchors().sizes(), settings.anchors().aspectRatios());
  }

  public ModelSettings settings() {
    return settings;
  }

  public BoxBranch segmentationBranch() {
    return segmentationBranch;
  }

  public ClassificationRoiSource classificationSource() {
    return classificationSource;
  }

  /**
   * The inference path for one slice.
   *
   * @param image [H, W, 3] values in [0, 1], already resized by the data layer
   * @param paddingSeed [2] stateless seed of the RoI batch's padding permutation
   */
  public InferenceGraph buildInference(
      GraphContext g, Operand<TFloat32> image, Operand<TInt64> paddingSeed) {
    Ops tf = g.ops();
    Operand<TInt32> imageShape = tf.shape(image);
    Operand<TInt32> height = tf.gather(imageShape, tf.constant(0), tf.constant(0));
    Operand<TInt32> width = tf.gather(imageShape, tf.constant(1), tf.constant(0));

    Operand<TFloat32> features = features(g, tf, input.apply(tf, image), BatchNormMode.INFERENCE);
    RpnOutputs rpn = rpnHead.build(g, tf, features);
    Proposals proposals = proposalGenerator.build(tf, rpn, anchors(tf, features), height, width);

    Operand<TFloat32> pooled =
        roiAlign(tf, features, proposals.boxes(), settings.roi().outputSize());
    BranchOutputs segmentation = segmentationBranch.apply(g, tf, pooled);
    Detections detections =
        detectionSelector.select(tf, segmentation, proposals.boxes(), height, width);
    Operand<TFloat32> maskProbabilities =
        maskHead.lesionProbabilities(
            tf,
            maskHead.logits(
                g, tf, roiAlign(tf, features, detections.boxes(), settings.mask().outputSize())));

    BranchOutputs classification = classificationSource.outputs(g, tf, pooled, segmentation);
    Operand<TInt32> permutation =
        OrderPreservingPadding.randomPermutation(tf, paddingSeed, roiBatchBuilder.rows() - 2);
    RoiBatch batch =
        roiBatchBuilder.build(tf, classification, proposals.boxes(), height, width, permutation);
    Operand<TFloat32> featureMean = SHead.featureMean(tf, features);
    SHead.Outputs s = sHead.apply(g, tf, batch.rows(), featureMean);
    return new InferenceGraph(
        proposals,
        detections,
        maskProbabilities,
        batch,
        featureMean,
        s.hidden(),
        s.logits(),
        tf.nn.softmax(tf.expandDims(s.logits(), tf.constant(0))));
  }

  /**
   * The segmentation training path for one slice (Eq. 1): BatchNorm in training mode, RPN targets
   * and loss on all anchors, RoI targets among the proposals plus the gt boxes, the segmentation
   * branch's loss on the sampled RoIs and the mask loss on the positive ones. Running-statistics
   * updates land in {@link GraphContext#batchNormUpdates()}.
   *
   * @param gtBoxes [G, 4] lesion boxes in input pixels (G may be 0)
   * @param gtMasks [G, H, W] lesion masks, 0/1
   * @param seed [2] stateless seed of the anchor and RoI samplers
   */
  public Losses.SegmentationTerms buildSegmentationTraining(
      GraphContext g,
      Operand<TFloat32> image,
      Operand<TFloat32> gtBoxes,
      Operand<TFloat32> gtMasks,
      Operand<TInt64> seed) {
    Ops tf = g.ops().withSubScope("segmentation_step");
    Operand<TInt32> imageShape = tf.shape(image);
    Operand<TInt32> height = tf.gather(imageShape, tf.constant(0), tf.constant(0));
    Operand<TInt32> width = tf.gather(imageShape, tf.constant(1), tf.constant(0));

    Operand<TFloat32> features = features(g, tf, input.apply(tf, image), BatchNormMode.TRAINING);
    RpnOutputs rpn = rpnHead.build(g, tf, features);
    Operand<TFloat32> anchors = anchors(tf, features);
    AnchorTargets anchorTargets =
        RpnTargets.from(settings.rpn())
            .build(tf, anchors, gtBoxes, BalancedSampler.subSeed(tf, seed, 1));
    RpnLoss.Terms rpnLoss =
        RpnLoss.compute(tf, rpn.objectnessLogits(), rpn.anchorDeltas(), anchorTargets);

    Proposals proposals = proposalGenerator.build(tf, rpn, anchors, height, width);
    SampledRois rois =
        RoiTargets.from(settings.roi())
            .build(tf, proposals.boxes(), gtBoxes, BalancedSampler.subSeed(tf, seed, 2));
    BranchOutputs branch =
        segmentationBranch.apply(
            g, tf, roiAlign(tf, features, rois.boxes(), settings.roi().outputSize()));
    RoiLoss.Terms roiLoss = RoiLoss.compute(tf, branch, rois);

    Operand<TFloat32> positives = rois.positiveBoxes(tf);
    Operand<TFloat32> maskLogits =
        maskHead.logits(g, tf, roiAlign(tf, features, positives, settings.mask().outputSize()));
    Operand<TFloat32> maskTargets =
        new MaskTargets(2 * settings.mask().outputSize(), 2)
            .build(tf, gtMasks, positives, rois.positiveMatchedGt(tf));
    return new Losses.SegmentationTerms(
        rpnLoss, roiLoss, MaskLoss.compute(tf, maskLogits, maskTargets));
  }

  /** Backbone + FPN on a normalised, padded batch of one: [1, H/s, W/s, 256]. */
  public Operand<TFloat32> features(
      GraphContext g, Ops tf, Operand<TFloat32> batch, BatchNormMode mode) {
    return fpn.build(g, tf, body.build(g, tf, batch, mode));
  }

  /** The anchor grid [h*w*A, 4] for a feature map [1, h, w, C], at the backbone's stride. */
  public Operand<TFloat32> anchors(Ops tf, Operand<TFloat32> features) {
    Operand<TInt32> shape = tf.shape(features);
    Operand<TInt32> stride = tf.constant(body.stride());
    return Anchors.grid(
        tf,
        cellAnchors,
        tf.gather(shape, tf.constant(1), tf.constant(0)),
        tf.gather(shape, tf.constant(2), tf.constant(0)),
        stride,
        stride);
  }

  /** RoIAlign of {@code boxes} on the single feature level (spatial scale 1 / stride). */
  public Operand<TFloat32> roiAlign(
      Ops tf, Operand<TFloat32> features, Operand<TFloat32> boxes, int size) {
    return RoiAlign.align(
        tf, features, boxes, 1f / body.stride(), size, settings.roi().samplingRatio());
  }

  public InputTransform input() {
    return input;
  }
}
