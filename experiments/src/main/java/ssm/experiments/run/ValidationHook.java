package ssm.experiments.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
import ssm.train.Checkpoints;
import ssm.train.TrainingHook;
import ssm.train.TrainingState;

/**
 * After each epoch that wrote a checkpoint: evaluates the checkpoint on the validation data
 * (paper AP and COCO AP when segmentation validation slices exist, F1 and sensitivities) and
 * logs the metrics, an overlay of the first validation slice, and a histogram of every weight
 * to the event file. It evaluates the checkpoint file itself, so what it reports is exactly
 * what {@code ./ssm predict} would do with it.
 *
 * <p>The metrics also go to the checkpoint's {@code validation.json}, and the checkpoint with the
 * highest validation score so far is copied to {@code checkpoints/best-validation/}: the paper's
 * F1 (Table 3 ranks by it) when there are classification validation slices, else the paper's
 * AP@[.5:.95] (Table 2's rank). A resumed run reads the score to beat from that copy.
 */
final class ValidationHook implements TrainingHook {
  private final SsmModel model;
  static final String METRICS_FILE = "validation.json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Supplier<Path> lastCheckpoint;
  private final Checkpoints checkpoints;
  private final LazyDataset<SegmentationExample> segmentation;
  private final LazyDataset<ClassificationExample> classification;
  private final EventFileWriter events;
  private final Session session;
  private final ParameterRegistry parameters;
  private Path evaluated;

  ValidationHook(SsmModel model, Supplier<Path> lastCheckpoint, Checkpoints checkpoints,
      LazyDataset<SegmentationExample> segmentation,
      LazyDataset<ClassificationExample> classification, EventFileWriter events,
      Session session, ParameterRegistry parameters) {
    this.model = model;
    this.lastCheckpoint = lastCheckpoint;
    this.checkpoints = checkpoints;
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
    // Stage I trains the segmentation branch only: S is untrained, so its scores mean nothing.
    LazyDataset<ClassificationExample> cls = finished.stage() == 1 ? null : classification;
    if (cls == null && segmentation == null) {
      return;
    }
    try (Predictor predictor = new Predictor(model, ckpt.resolve(TrainingRun.WEIGHTS))) {
      Evaluation e = new Evaluator(s -> predictor.predict(s, false), Evaluator.Options.quiet())
          .evaluate(segmentation, cls);
      Map<String, Number> scalars = scalars(e);
      events.scalars(step, scalars);
      keepIfBest(ckpt, scalars, cls != null ? "eval/f1" : "eval/ap");
      ssm.data.Slice first = cls != null ? cls.load(0).image() : segmentation.load(0).image();
      Prediction p = predictor.predict(first, false);
      // the overlay is drawn at the file's own size, where the prediction's masks are
      ssm.data.Slice original = original(cls != null ? cls : segmentation);
      if (original != null) {
        events.image("images/overlay", step, Overlay.png(original, p), original.height(),
            original.width());
      }
    }
  }

  /** Item 0 of {@code data} at its original size, or null for a reader without files. */
  private static ssm.data.Slice original(LazyDataset<?> data) {
    java.nio.file.Path file = data instanceof ssm.data.CovidxSplit c ? c.imagePath(0)
        : data instanceof ssm.data.SegmentationFolder f ? f.imagePath(0)
        : data instanceof ssm.data.ClassPrefixedFolder f ? f.imagePath(0) : null;
    return file == null ? null : ssm.data.ImageDecoder.decode(file);
  }

  /**
   * Writes the checkpoint's validation.json and keeps it as {@code best-validation/} when its
   * {@code tag} (eval/f1 with classification slices, else eval/ap) beats the kept one's.
   */
  private void keepIfBest(Path ckpt, Map<String, Number> scalars, String tag) throws IOException {
    Path tmp = ckpt.resolve(METRICS_FILE + ".tmp");
    JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), scalars);
    Files.move(tmp, ckpt.resolve(METRICS_FILE), StandardCopyOption.ATOMIC_MOVE);
    Number score = scalars.get(tag);
    if (score == null) {
      return; // NaN: nothing was scored
    }
    double best = bestSoFar(tag);
    if (score.doubleValue() > best) {
      checkpoints.keepAs(ckpt, Checkpoints.BEST_VALIDATION);
      System.err.printf("validation %s %.4f (best so far; was %s): kept as %s%n", tag,
          score.doubleValue(), Double.isInfinite(best) ? "none" : String.format("%.4f", best),
          checkpoints.dir().resolve(Checkpoints.BEST_VALIDATION));
    } else {
      System.err.printf("validation %s %.4f (best so far %.4f)%n", tag, score.doubleValue(), best);
    }
  }

  /** The score of {@code best-validation/}, or -infinity when there is none yet. */
  private double bestSoFar(String tag) throws IOException {
    Path kept = checkpoints.dir().resolve(Checkpoints.BEST_VALIDATION).resolve(METRICS_FILE);
    if (!Files.exists(kept)) {
      return Double.NEGATIVE_INFINITY;
    }
    var value = JSON.readTree(kept.toFile()).get(tag);
    return value == null ? Double.NEGATIVE_INFINITY : value.asDouble();
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
      m.put("eval/coco_ap50", e.cocoSegm().stats().ap50());
    }
    ClassificationMetrics c = e.classification();
    if (c != null) {
      m.put("eval/f1", c.weightedF1());
      m.put("eval/accuracy", c.accuracy());
      String[] tags = {"eval/sensitivity_normal", "eval/sensitivity_cp", "eval/sensitivity_covid"};
      for (int k = 0; k < tags.length && k < c.sensitivity().length; k++) {
        m.put(tags[k], c.sensitivity()[k]);
      }
      ClassificationMetrics.Binary v = c.covidVsRest();
      if (v != null) {
        m.put("eval/covid_vs_rest_sensitivity", v.sensitivity());
        m.put("eval/covid_vs_rest_specificity", v.specificity());
        m.put("eval/covid_vs_rest_accuracy", v.accuracy());
        m.put("eval/covid_vs_rest_auc", v.auc());
      }
    }
    m.values().removeIf(v -> Double.isNaN(v.doubleValue()));
    return m;
  }
}
