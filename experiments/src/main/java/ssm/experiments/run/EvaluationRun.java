package ssm.experiments.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import ssm.metrics.LesionAreaMetrics;
import ssm.model.ParameterCount;
import ssm.model.SsmModel;
import ssm.predict.Predictor;
import ssm.report.CollectionReport;
import ssm.report.LesionAreaFigures;
import ssm.report.MetricsReport;
import ssm.report.MetricsReports;
import ssm.report.SegmentationReport;
import ssm.run.RunFolder;
import ssm.settings.Settings;
import ssm.settings.Variant;
import ssm.slices.SliceResults;
import ssm.slices.SliceResultsFile;
import ssm.wiring.ModelWiring;

/**
 * Evaluates a variant's weights on a segmentation test folder and a classification split and writes
 * {@code metrics.json} (the schema docs/reference/evaluation.md describes) and, beside it, each
 * slice's outcome ({@code slices.json}, ssm.slices): the one place behind {@code ssm eval} and the
 * grid.
 */
public final class EvaluationRun {
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
      MetricsReport report,
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

    SsmModel model = ModelWiring.model(variant, settings);
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

    Evaluation.Intervals ci = e.intervals();
    StringBuilder supplement = new StringBuilder();
    LesionAreaFigures lesionArea = null;
    if (e.groundTruth() != null) {
      LesionAreaMetrics.Result area =
          LesionAreaMetrics.of(e.groundTruth(), e.detections(), settings.eval().lesionAreaScore());
      lesionArea = LesionAreaFigures.of(area);
      supplement.append(area.toText());
    }
    Map<String, CollectionReport> collections = null;
    if (!byCollection.isEmpty()) {
      collections = new LinkedHashMap<>();
      supplement.append(
          String.format(
              Locale.ROOT,
              "per collection (lesion area: Dice per slice and pooled, detections >= %s)%n",
              settings.eval().lesionAreaScore()));
      supplement.append(CollectionFigures.textHeader());
      for (CollectionFigures f : byCollection) {
        collections.put(f.collection(), CollectionReport.of(f));
        supplement.append(f.toTextRow());
      }
    }
    SegmentationReport segmentationReport = e.segmentationReport(ci);
    // each part's own data, so that Table 2 and Table 3 each name only what they used
    MetricsReport report =
        new MetricsReport(
            MetricsReport.SCHEMA,
            variant.name(),
            variant.paperLabel(),
            weights.toAbsolutePath().normalize().toString(),
            new MetricsReport.Parameters(parameters),
            e.info().withSeconds(seconds),
            new MetricsReport.Datasets(
                seg == null
                    ? null
                    : DataReferences.of("segmentation", seg).withSlices(e.segmentationSlices()),
                cls == null
                    ? null
                    : DataReferences.of("classification", cls)
                        .withSlices(e.classificationSlices())),
            segmentationReport == null ? null : segmentationReport.withLesionArea(lesionArea),
            e.classificationReport(ci),
            collections,
            settings.training().seed());
    Path metrics = metricsDir == null ? null : new RunFolder(metricsDir).metrics();
    if (metrics != null) {
      MetricsReports.write(metrics, report);
      // each slice's outcome beside it, so that runs can be compared later (ssm compare)
      SliceResultsFile.write(metricsDir.resolve(SliceResultsFile.FILE_NAME), SliceResults.of(e));
    }
    return new Result(e, report, metrics, seconds, dataset, supplement.toString());
  }

  /** Both parts' data as one caption ({@link DataReferences#describe}). */
  public static String describe(Path seg, Path cls) {
    return DataReferences.describe(seg, cls);
  }
}
