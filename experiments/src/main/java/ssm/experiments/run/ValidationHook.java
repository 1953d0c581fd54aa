package ssm.experiments.run;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.tensorflow.Result;
import org.tensorflow.Session;
import ssm.data.ClassificationExample;
import ssm.data.LazyDataset;
import ssm.data.SegmentationExample;
import ssm.eval.Evaluation;
import ssm.eval.Evaluator;
import ssm.events.EventFileWriter;
import ssm.graph.Parameter;
import ssm.graph.ParameterRegistry;
import ssm.graph.Tensors;
import ssm.metrics.ClassificationMetrics;
import ssm.model.SsmModel;
import ssm.predict.Overlay;
import ssm.predict.Prediction;
import ssm.predict.Predictor;
import ssm.train.TrainingHook;
import ssm.train.TrainingState;

/**
 * After each epoch that wrote a checkpoint: evaluates the checkpoint on the validation data
 * (paper AP and COCO AP when segmentation validation slices exist, F1 and sensitivities) and
 * logs the metrics, an overlay of the first validation slice, and a histogram of every weight
 * to the event file. It evaluates the checkpoint file itself, so what it reports is exactly
 * what {@code ./ssm predict} would do with it.
 */
final class ValidationHook implements TrainingHook {
  private final SsmModel model;
  private final Supplier<Path> lastCheckpoint;
  private final LazyDataset<SegmentationExample> segmentation;
  private final LazyDataset<ClassificationExample> classification;
  private final EventFileWriter events;
  private final Session session;
  private final ParameterRegistry parameters;
  private Path evaluated;

  ValidationHook(SsmModel model, Supplier<Path> lastCheckpoint,
      LazyDataset<SegmentationExample> segmentation,
      LazyDataset<ClassificationExample> classification, EventFileWriter events,
      Session session, ParameterRegistry parameters) {
    this.model = model;
    this.lastCheckpoint = lastCheckpoint;
    this.segmentation = segmentation;
    this.classification = classification;
    this.events = events;
    this.session = session;
    this.parameters = parameters;
  }

  @Override
  public void afterEpoch(TrainingState finished, TrainingState next) throws Exception {
    Path ckpt = lastCheckpoint.get();
    if (ckpt == null || ckpt.equals(evaluated)) {
      return;
    }
    evaluated = ckpt;
    long step = next.globalStep();
    histograms(step);
    try (Predictor predictor = new Predictor(model, ckpt.resolve(TrainingRun.WEIGHTS))) {
      Evaluation e = new Evaluator(s -> predictor.predict(s, false), Evaluator.Options.quiet())
          .evaluate(segmentation, classification);
      events.scalars(step, scalars(e));
      ssm.data.Slice first = classification != null ? classification.load(0).image()
          : segmentation.load(0).image();
      Prediction p = predictor.predict(first, false);
      events.image("images/overlay", step, Overlay.png(first, p), first.height(), first.width());
    }
  }

  private void histograms(long step) {
    List<Parameter> all = parameters.all();
    Session.Runner runner = session.runner();
    all.forEach(p -> runner.fetch(p.variable()));
    try (Result r = runner.run()) {
      for (int i = 0; i < all.size(); i++) {
        events.histogram("weights/" + all.get(i).name(), step, Tensors.toFloats(r.get(i)));
      }
    }
  }

  private static Map<String, Number> scalars(Evaluation e) {
    Map<String, Number> m = new LinkedHashMap<>();
    if (e.paper() != null) {
      m.put("eval/ap50", e.paper().ap50());
      m.put("eval/ap75", e.paper().ap75());
      m.put("eval/ap", e.paper().ap());
    }
    if (e.cocoSegm() != null) {
      m.put("eval/coco_ap", e.cocoSegm().stats().ap());
    }
    ClassificationMetrics c = e.classification();
    if (c != null) {
      m.put("eval/f1", c.weightedF1());
      m.put("eval/accuracy", c.accuracy());
      String[] tags = {"eval/sensitivity_normal", "eval/sensitivity_cp", "eval/sensitivity_covid"};
      for (int k = 0; k < tags.length && k < c.sensitivity().length; k++) {
        m.put(tags[k], c.sensitivity()[k]);
      }
    }
    m.values().removeIf(v -> Double.isNaN(v.doubleValue()));
    return m;
  }
}
