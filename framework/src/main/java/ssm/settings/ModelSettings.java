package ssm.settings;

import com.typesafe.config.Config;
import java.util.List;
import ssm.util.Check;

/**
 * The model's settings, HOCON section {@code model}. Every key is required; defaults live in
 * configs/base.conf.
 */
public record ModelSettings(
    BackboneSettings backbone,
    InputSettings input,
    int fpnChannels,
    AnchorSettings anchors,
    RpnSettings rpn,
    RoiSettings roi,
    MaskSettings mask,
    ClassifierSettings classifier) {

  public ModelSettings {
    Check.positive("model.fpn.channels", fpnChannels);
  }

  /** Reads section {@code model} of a resolved config. */
  public static ModelSettings from(Config c) {
    return new ModelSettings(
        BackboneSettings.from(c.getConfig("backbone")),
        InputSettings.from(c.getConfig("input")),
        c.getInt("fpn.channels"),
        AnchorSettings.from(c.getConfig("anchors")),
        RpnSettings.from(c.getConfig("rpn")),
        RoiSettings.from(c.getConfig("roi")),
        MaskSettings.from(c.getConfig("mask")),
        ClassifierSettings.from(c.getConfig("classifier")));
  }

  /**
   * Section {@code model.backbone}: ResNet depth (18, 34), stages kept (2, 3) and the momentum of
   * the BatchNorm running statistics (PyTorch's: running = (1 - m) * running + m * batch).
   */
  public record BackboneSettings(int depth, int blocks, double batchNormMomentum) {
    public BackboneSettings {
      Check.that(depth == 18 || depth == 34, "model.backbone.depth = %s must be 18 or 34", depth);
      Check.that(blocks == 2 || blocks == 3, "model.backbone.blocks = %s must be 2 or 3", blocks);
      Check.that(
          batchNormMomentum > 0 && batchNormMomentum <= 1,
          "model.backbone.batch-norm-momentum = %s must be in (0, 1]",
          batchNormMomentum);
    }

    static BackboneSettings from(Config c) {
      return new BackboneSettings(
          c.getInt("depth"), c.getInt("blocks"), c.getDouble("batch-norm-momentum"));
    }
  }

  /**
   * Section {@code model.input}: resizing, normalisation and padding of a slice.
   *
   * @param detectionTestMinSize at test time only (validation, eval, predict) lesions are looked
   *     for on the slice resized to this short side, its long side bound scaled alike; the class is
   *     read at {@code minSize} as trained (docs/log/README.md, finding 19). 0: {@code minSize}
   */
  public record InputSettings(
      int minSize,
      int maxSize,
      float[] mean,
      float[] std,
      int sizeDivisible,
      int detectionTestMinSize) {
    public InputSettings {
      Check.positive("model.input.min-size", minSize);
      Check.that(
          maxSize >= minSize,
          "model.input.max-size = %s must be >= min-size = %s",
          maxSize,
          minSize);
      Check.that(mean.length == 3, "model.input.mean must have 3 values, has %s", mean.length);
      Check.that(std.length == 3, "model.input.std must have 3 values, has %s", std.length);
      for (float s : std) {
        Check.positive("model.input.std", s);
      }
      Check.positive("model.input.size-divisible", sizeDivisible);
      Check.that(
          detectionTestMinSize >= 0,
          "model.input.detection-test-min-size = %s must be >= 0",
          detectionTestMinSize);
    }

    /** The short side of the slices whose lesions are wanted at test time. */
    public int detectionMinSize() {
      return detectionTestMinSize == 0 ? minSize : detectionTestMinSize;
    }

    /** The long side's bound of the slices whose lesions are wanted at test time. */
    public int detectionMaxSize() {
      return (int) Math.round((double) maxSize * detectionMinSize() / minSize);
    }

    /** Whether lesions are looked for at another size than the class at test time. */
    public boolean detectsAtOwnSize() {
      return detectionMinSize() != minSize;
    }

    static InputSettings from(Config c) {
      return new InputSettings(
          c.getInt("min-size"),
          c.getInt("max-size"),
          floats(c.getDoubleList("mean")),
          floats(c.getDoubleList("std")),
          c.getInt("size-divisible"),
          c.getInt("detection-test-min-size"));
    }
  }

  /** Section {@code model.anchors}: one pyramid level, sizes x aspect ratios (h/w). */
  public record AnchorSettings(int[] sizes, float[] aspectRatios) {
    public AnchorSettings {
      Check.that(sizes.length > 0, "model.anchors.sizes is empty");
      Check.that(aspectRatios.length > 0, "model.anchors.aspect-ratios is empty");
    }

    static AnchorSettings from(Config c) {
      return new AnchorSettings(
          c.getIntList("sizes").stream().mapToInt(Integer::intValue).toArray(),
          floats(c.getDoubleList("aspect-ratios")));
    }

    /** A: anchors per feature-map location. */
    public int perLocation() {
      return sizes.length * aspectRatios.length;
    }
  }

  /** Section {@code model.rpn}: region proposals, their matching and sampling. */
  public record RpnSettings(
      int preNmsTopN,
      int postNmsTopN,
      float nmsIou,
      float positiveIou,
      float negativeIou,
      int batchPerImage,
      float positiveFraction,
      float[] boxWeights) {
    public RpnSettings {
      Check.positive("model.rpn.pre-nms-top-n", preNmsTopN);
      Check.positive("model.rpn.post-nms-top-n", postNmsTopN);
      Check.range("model.rpn.nms-iou", nmsIou, 0, 1);
      Check.range("model.rpn.positive-iou", positiveIou, 0, 1);
      Check.range("model.rpn.negative-iou", negativeIou, 0, 1);
      Check.that(
          negativeIou <= positiveIou,
          "model.rpn.negative-iou (%s) must not exceed model.rpn.positive-iou (%s)",
          negativeIou,
          positiveIou);
      Check.positive("model.rpn.batch-per-image", batchPerImage);
      Check.range("model.rpn.positive-fraction", positiveFraction, 0, 1);
      Check.that(boxWeights.length == 4, "model.rpn.box-weights must have 4 values");
    }

    static RpnSettings from(Config c) {
      return new RpnSettings(
          c.getInt("pre-nms-top-n"),
          c.getInt("post-nms-top-n"),
          (float) c.getDouble("nms-iou"),
          (float) c.getDouble("positive-iou"),
          (float) c.getDouble("negative-iou"),
          c.getInt("batch-per-image"),
          (float) c.getDouble("positive-fraction"),
          floats(c.getDoubleList("box-weights")));
    }
  }

  /** Section {@code model.roi}: RoI pooling, box head, sampling and detection output. */
  public record RoiSettings(
      int outputSize,
      int samplingRatio,
      int representation,
      float[] boxWeights,
      float positiveIou,
      int batchPerImage,
      float positiveFraction,
      float scoreThreshold,
      float nmsIou,
      int detectionsPerImage) {
    public RoiSettings {
      Check.positive("model.roi.output-size", outputSize);
      Check.that(
          samplingRatio == 2,
          "model.roi.sampling-ratio = %s: only 2 (the reference's) is implemented",
          samplingRatio);
      Check.positive("model.roi.representation", representation);
      Check.that(boxWeights.length == 4, "model.roi.box-weights must have 4 values");
      Check.range("model.roi.positive-iou", positiveIou, 0, 1);
      Check.positive("model.roi.batch-per-image", batchPerImage);
      Check.range("model.roi.positive-fraction", positiveFraction, 0, 1);
      Check.range("model.roi.score-threshold", scoreThreshold, 0, 1);
      Check.range("model.roi.nms-iou", nmsIou, 0, 1);
      Check.positive("model.roi.detections-per-image", detectionsPerImage);
    }

    static RoiSettings from(Config c) {
      return new RoiSettings(
          c.getInt("output-size"),
          c.getInt("sampling-ratio"),
          c.getInt("representation"),
          floats(c.getDoubleList("box-weights")),
          (float) c.getDouble("positive-iou"),
          c.getInt("batch-per-image"),
          (float) c.getDouble("positive-fraction"),
          (float) c.getDouble("score-threshold"),
          (float) c.getDouble("nms-iou"),
          c.getInt("detections-per-image"));
    }
  }

  /**
   * Section {@code model.mask}: mask head.
   *
   * @param threshold a pixel belongs to a detected lesion where its pasted mask probability exceeds
   *     this (torchvision and the paper: 0.5)
   */
  public record MaskSettings(int outputSize, int[] layers, float threshold) {
    public MaskSettings {
      Check.positive("model.mask.output-size", outputSize);
      Check.that(layers.length > 0, "model.mask.layers is empty");
      Check.that(
          threshold > 0 && threshold < 1, "model.mask.threshold = %s is outside (0, 1)", threshold);
    }

    /** The mask head of {@code outputSize} and {@code layers}, its masks cut at 0.5. */
    public MaskSettings(int outputSize, int[] layers) {
      this(outputSize, layers, 0.5f);
    }

    static MaskSettings from(Config c) {
      return new MaskSettings(
          c.getInt("output-size"),
          c.getIntList("layers").stream().mapToInt(Integer::intValue).toArray(),
          (float) c.getDouble("threshold"));
    }
  }

  /**
   * Section {@code model.classifier}: the ranked RoI batch and the image classifier S.
   *
   * @param roiGradient whether S's loss flows back through the RoI batch's probabilities and deltas
   *     into the branch that feeds it and the backbone (the paper: no)
   * @param imageFeatures whether S also reads the feature map averaged over space (the paper: no)
   * @param roiBatch whether S reads the ranked RoI batch (the paper: yes; false leaves S the image
   *     features alone, an ablation)
   */
  public record ClassifierSettings(
      int rois,
      float nmsIou,
      float minArea,
      int hidden,
      int classes,
      boolean roiGradient,
      boolean imageFeatures,
      boolean roiBatch) {
    public ClassifierSettings {
      Check.that(rois >= 2, "model.classifier.rois = %s must be at least 2", rois);
      Check.range("model.classifier.nms-iou", nmsIou, 0, 1);
      Check.that(minArea >= 0, "model.classifier.min-area = %s must be >= 0", minArea);
      Check.positive("model.classifier.hidden", hidden);
      Check.that(classes >= 2, "model.classifier.classes = %s must be at least 2", classes);
      Check.that(
          roiBatch || imageFeatures,
          "model.classifier.roi-batch = false and model.classifier.image-features = false leave S"
              + " nothing to read; set one of them to true");
    }

    static ClassifierSettings from(Config c) {
      return new ClassifierSettings(
          c.getInt("rois"),
          (float) c.getDouble("nms-iou"),
          (float) c.getDouble("min-area"),
          c.getInt("hidden"),
          c.getInt("classes"),
          c.getBoolean("roi-gradient"),
          c.getBoolean("image-features"),
          c.getBoolean("roi-batch"));
    }
  }

  static float[] floats(List<Double> values) {
    float[] f = new float[values.size()];
    for (int i = 0; i < f.length; i++) {
      f[i] = values.get(i).floatValue();
    }
    return f;
  }
}
