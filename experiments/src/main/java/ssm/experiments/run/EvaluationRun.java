package ssm.experiments.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ssm.data.ClassPrefixedFolder;
import ssm.data.ClassificationExample;
import ssm.data.CovidxSplit;
import ssm.data.LazyDataset;
import ssm.data.ReaderOptions;
import ssm.data.SegmentationFolder;
import ssm.eval.CollectionBreakdown;
import ssm.eval.CollectionFigures;
import ssm.eval.Evaluation;
import ssm.eval.Evaluator;
import ssm.eval.RecordingPredictor;
import ssm.eval.SlicePredictor;
import ssm.experiments.Variant;
import ssm.metrics.LesionAreaMetrics;
import ssm.metrics.MetricsJson;
import ssm.model.ParameterCount;
import ssm.model.SsmModel;
import ssm.predict.Predictor;
import ssm.run.RunFolder;
import ssm.settings.Settings;
import ssm.slices.SliceResults;
import ssm.slices.SliceResultsFile;

/**
 * Evaluates a variant's weights on a segmentation test folder and a classification split and writes
 * {@code metrics.json} (the schema docs/reference/evaluation.md describes) and, beside it, each
 * slice's outcome ({@code slices.json}, ssm.slices): the one place behind {@code ssm eval} and the
 * grid.
 */
public final class EvaluationRun {
  private static final ObjectMapper JSON = new ObjectMapper();

  private EvaluationRun() {}

  /**
   * What an evaluation produced.
   *
   * @param report the metrics.json content
   * @param metricsFile where it was written, or null
   * @param dataset the data as captions name it
   * @param supplement text {@code ssm eval} prints after {@link Evaluation#toText()}: the lesion
   *     area's figures and, where a set holds more than one collection, the figures per collection
   */
  public record Result(
      Evaluation evaluation,
      ObjectNode report,
      Path metricsFile,
      double seconds,
      String dataset,
      String supplement) {}

  /**
   * @param seg segmentation test folder, or null
   * @param cls classification split file or class-prefixed folder, or null
   * @param metricsDir folder of metrics.json, or null to write none
   * @param limit at most this many slices per set (0: all)
   */
  public static Result evaluate(
      Variant variant,
      Settings settings,
      Path weights,
      Path seg,
      Path cls,
      Path metricsDir,
      int limit,
      boolean skipBad,
      PrintWriter err)
      throws IOException {
    // The readers of training (DataSources): ground truth here is the lesions training saw; the
    // segmentation slices at the detection test size, the classification slices as trained.
    boolean skip = skipBad || settings.data().skipBad();
    ReaderOptions options = DataSources.readerOptions(settings).withSkipBad(skip);
    SegmentationFolder segmentation =
        seg == null
            ? null
            : new SegmentationFolder(
                seg, DataSources.detectionTestReaderOptions(settings).withSkipBad(skip));
    LazyDataset<ClassificationExample> classification =
        cls == null
            ? null
            : Files.isDirectory(cls)
                ? new ClassPrefixedFolder(cls, options)
                : new CovidxSplit(cls, CovidxSplit.defaultImagesDir(cls), options);
    String dataset = describe(seg, cls);
    err.printf("evaluating %s (%s) on %s%n", variant.name(), weights, dataset);
    err.flush();

    SsmModel model = variant.model(settings);
    long parameters = ParameterCount.of(model).total();
    Evaluation e;
    long start = System.nanoTime();
    List<CollectionFigures> byCollection = List.of();
    boolean perCollection = CollectionBreakdown.applies(segmentation, classification, limit);
    try (Predictor predictor = new Predictor(model, weights)) {
      SlicePredictor plain = s -> predictor.predict(s, false);
      SlicePredictor used = perCollection ? new RecordingPredictor(plain) : plain;
      e =
          new Evaluator(used, new Evaluator.Options(limit, System.err, System.console() != null))
              .evaluate(segmentation, classification);
      if (perCollection) {
        // the same slices again, per collection, from the recorded predictions
        byCollection =
            CollectionBreakdown.evaluate(
                used, segmentation, classification, limit, settings.eval().lesionAreaScore());
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;

    ObjectNode report = e.toJson(variant.name(), dataset);
    StringBuilder supplement = new StringBuilder();
    if (e.groundTruth() != null) {
      LesionAreaMetrics.Result area =
          LesionAreaMetrics.of(e.groundTruth(), e.detections(), settings.eval().lesionAreaScore());
      ((ObjectNode) report.get("segmentation")).set("lesion_area", JSON.valueToTree(area.toJson()));
      supplement.append(area.toText());
    }
    if (!byCollection.isEmpty()) {
      ObjectNode by = report.putObject("by_collection");
      supplement.append(
          String.format(
              Locale.ROOT,
              "per collection (lesion area: Dice per slice and pooled, detections >= %s)%n",
              settings.eval().lesionAreaScore()));
      supplement.append(CollectionFigures.textHeader());
      for (CollectionFigures f : byCollection) {
        by.set(f.collection(), JSON.valueToTree(f.toJson()));
        supplement.append(f.toTextRow());
      }
    }
    report.put("paper_label", variant.paperLabel());
    // each part's own data, so that Table 2 and Table 3 each name only what they used
    ObjectNode parts = report.putObject("datasets");
    parts.put("segmentation", seg == null ? null : describe(seg, null));
    parts.put("classification", cls == null ? null : describe(null, cls));
    report.put("weights", weights.toAbsolutePath().normalize().toString());
    report.putObject("parameters").put("total", parameters);
    ((ObjectNode) report.get("evaluation")).put("seconds", seconds);
    Path metrics = metricsDir == null ? null : new RunFolder(metricsDir).metrics();
    if (metrics != null) {
      MetricsJson.write(metrics, report);
      // each slice's outcome beside it, so that runs can be compared later (ssm compare)
      SliceResultsFile.write(metricsDir.resolve(SliceResultsFile.FILE_NAME), SliceResults.of(e));
    }
    return new Result(e, report, metrics, seconds, dataset, supplement.toString());
  }

  private static final Pattern SYNTH_README =
      Pattern.compile("ssm data synth\\): seg (\\d+), cls (\\d+), size (\\d+), seed (-?\\d+)");

  /**
   * The dataset as table captions print it: {@code synthetic (built-in generator, seed 1, 512 px)
   * seg/test + cls/test.txt} when the folder was written by the generator (its README.txt), else
   * the absolute paths.
   */
  public static String describe(Path seg, Path cls) {
    Path root = null;
    for (Path p :
        new Path[] {
          seg == null ? null : seg.toAbsolutePath().getParent(),
          cls == null ? null : cls.toAbsolutePath().getParent()
        }) {
      if (p != null && p.getParent() != null && root == null) {
        Matcher m = readme(p.getParent());
        if (m != null) {
          root = p.getParent();
        }
      }
    }
    List<String> parts = new ArrayList<>();
    if (root != null) {
      Matcher m = readme(root);
      String where = root.toAbsolutePath().normalize().toString();
      if (seg != null) {
        parts.add(root.toAbsolutePath().relativize(seg.toAbsolutePath()).toString());
      }
      if (cls != null) {
        parts.add(root.toAbsolutePath().relativize(cls.toAbsolutePath()).toString());
      }
      return String.format(
          "synthetic (built-in generator, seed %s, %s px): %s of %s",
          m.group(4), m.group(3), String.join(" + ", parts), where);
    }
    if (seg != null) {
      parts.add("segmentation " + seg.toAbsolutePath().normalize());
    }
    if (cls != null) {
      parts.add("classification " + cls.toAbsolutePath().normalize());
    }
    return String.join("; ", parts);
  }

  private static Matcher readme(Path root) {
    Path readme = root.resolve("README.txt");
    if (!Files.isRegularFile(readme)) {
      return null;
    }
    try {
      Matcher m = SYNTH_README.matcher(Files.readString(readme, StandardCharsets.UTF_8));
      return m.find() ? m : null;
    } catch (IOException e) {
      return null;
    }
  }
}
