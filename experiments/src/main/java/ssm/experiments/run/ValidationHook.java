package ssm.experiments.run;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import ssm.data.ClassificationExample;
import ssm.data.LazyDataset;
import ssm.data.SegmentationExample;
import ssm.eval.Evaluation;
import ssm.eval.Evaluator;
import ssm.eval.MetricTags;
import ssm.events.EventFileWriter;
import ssm.metrics.ClassificationMetrics;
import ssm.metrics.LesionAreaMetrics;
import ssm.model.SsmModel;
import ssm.predict.Overlay;
import ssm.predict.Prediction;
import ssm.predict.Predictor;
import ssm.run.RunFolder;
import ssm.train.TrainingHook;
import ssm.train.TrainingState;

/**
 * After each epoch that wrote a checkpoint: evaluates the checkpoint on the validation data (paper
 * AP, COCO AP and the lesion area's Dice when segmentation validation slices exist, F1 and
 * sensitivities) and logs the metrics and an overlay of the first validation slice to the event
 * file. It evaluates the checkpoint file itself, so what it reports is exactly what {@code ./ssm
 * predict} would do with it.
 *
 * <p>The metrics go to the {@link BestValidationKeeper}, which ranks checkpoints by the paper's F1
 * (Table 3 ranks by it) when there are classification validation slices, else by the paper's
 * AP@[.5:.95] (Table 2's rank).
 */
final class ValidationHook implements TrainingHook {
  private final SsmModel model;
  private final Supplier<Path> lastCheckpoint;
  private final LazyDataset<SegmentationExample> segmentation;
  private final LazyDataset<ClassificationExample> classification;
  private final EventFileWriter events;
  private final BestValidationKeeper keeper;
  private final double lesionAreaScore;
  private final EpochEndProbe probe;
  private Path evaluated;

  ValidationHook(
      SsmModel model,
      Supplier<Path> lastCheckpoint,
      LazyDataset<SegmentationExample> segmentation,
      LazyDataset<ClassificationExample> classification,
      EventFileWriter events,
      BestValidationKeeper keeper,
      double lesionAreaScore,
      EpochEndProbe probe) {
    this.model = model;
    this.lesionAreaScore = lesionAreaScore;
    this.lastCheckpoint = lastCheckpoint;
    this.segmentation = segmentation;
    this.classification = classification;
    this.events = events;
    this.keeper = keeper;
    this.probe = probe;
  }

  /**
   * A run resumed from a checkpoint whose validation did not run (it died in between) validates it
   * first; one whose validation was recorded but not yet ranked ranks it now.
   */
  @Override
  public void beforeTraining(TrainingState state) throws Exception {
    Path ckpt = lastCheckpoint.get();
    if (ckpt == null) {
      return;
    }
    if (BestValidationKeeper.validated(ckpt)) {
      evaluated = ckpt;
      keeper.keepIfBest(ckpt, tag(classificationOf(state.stage())));
    } else if (keeper.awaitsValidation(ckpt)) {
      afterEpoch(state, state);
    } else {
      evaluated = ckpt;
    }
  }

  @Override
  public void afterEpoch(TrainingState finished, TrainingState next) throws Exception {
    Path ckpt = lastCheckpoint.get();
    if (ckpt == null || ckpt.equals(evaluated)) {
      return;
    }
    evaluated = ckpt;
    long step = next.globalStep();
    LazyDataset<ClassificationExample> cls = classificationOf(finished.stage());
    if (cls == null && segmentation == null) {
      return;
    }
    try (Predictor predictor = new Predictor(model, ckpt.resolve(RunFolder.WEIGHTS))) {
      Evaluation e =
          new Evaluator(s -> predictor.predict(s, false), Evaluator.Options.quiet())
              .evaluate(segmentation, cls);
      Map<String, Number> scalars = scalars(e, lesionAreaScore);
      probe.reached(EpochEndProbe.Point.VALIDATION_SCORED, next);
      events.scalars(step, scalars);
      keeper.keepIfBest(ckpt, scalars, tag(cls));
      ssm.data.Slice first = cls != null ? cls.load(0).image() : segmentation.load(0).image();
      Prediction p = predictor.predict(first, false);
      // the overlay is drawn at the file's own size, where the prediction's masks are
      ssm.data.Slice original = original(cls != null ? cls : segmentation);
      if (original != null) {
        events.image(
            ssm.train.hooks.TrainingTags.IMAGE_OVERLAY,
            step,
            Overlay.png(original, p),
            original.height(),
            original.width());
      }
    }
  }

  /** The classification validation data of an epoch of {@code stage}, or null. */
  private LazyDataset<ClassificationExample> classificationOf(int stage) {
    // Stage I trains the segmentation branch only: S is untrained, so its scores mean nothing.
    return stage == 1 ? null : classification;
  }

  /** The figure that ranks checkpoints: F1 where classification is validated, else AP. */
  private static String tag(LazyDataset<ClassificationExample> cls) {
    return cls != null ? MetricTags.F1 : MetricTags.AP;
  }

  /** Item 0 of {@code data} at its original size, or null for a reader without files. */
  private static ssm.data.Slice original(LazyDataset<?> data) {
    java.nio.file.Path file =
        data instanceof ssm.data.CovidxSplit c
            ? c.imagePath(0)
            : data instanceof ssm.data.SegmentationFolder f
                ? f.imagePath(0)
                : data instanceof ssm.data.ClassPrefixedFolder f ? f.imagePath(0) : null;
    return file == null ? null : ssm.data.ImageDecoder.decode(file);
  }

  static Map<String, Number> scalars(Evaluation e, double lesionAreaScore) {
    Map<String, Number> m = new LinkedHashMap<>();
    if (e.paper() != null) {
      m.put(MetricTags.AP50, e.paper().ap50());
      m.put(MetricTags.AP75, e.paper().ap75());
      m.put(MetricTags.AP, e.paper().ap());
    }
    if (e.cocoSegm() != null) {
      m.put(MetricTags.COCO_AP, e.cocoSegm().stats().ap());
      m.put(MetricTags.COCO_AP50, e.cocoSegm().stats().ap50());
    }
    if (e.groundTruth() != null) {
      LesionAreaMetrics.Result area =
          LesionAreaMetrics.of(e.groundTruth(), e.detections(), lesionAreaScore);
      m.put(MetricTags.LESION_DICE, area.dice().value());
      m.put(MetricTags.LESION_DICE_POOLED, area.pooledDice());
    }
    ClassificationMetrics c = e.classification();
    if (c != null) {
      m.put(MetricTags.F1, c.weightedF1());
      m.put(MetricTags.ACCURACY, c.accuracy());
      List<String> tags = MetricTags.SENSITIVITY;
      for (int k = 0; k < tags.size() && k < c.sensitivity().length; k++) {
        m.put(tags.get(k), c.sensitivity()[k]);
      }
      ClassificationMetrics.Binary v = c.covidVsRest();
      if (v != null) {
        m.put(MetricTags.COVID_VS_REST_SENSITIVITY, v.sensitivity());
        m.put(MetricTags.COVID_VS_REST_SPECIFICITY, v.specificity());
        m.put(MetricTags.COVID_VS_REST_ACCURACY, v.accuracy());
        m.put(MetricTags.COVID_VS_REST_AUC, v.auc());
      }
    }
    m.values().removeIf(v -> Double.isNaN(v.doubleValue()));
    return m;
  }
}
