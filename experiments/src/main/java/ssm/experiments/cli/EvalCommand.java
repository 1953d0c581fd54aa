package ssm.experiments.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import ssm.eval.Evaluation;
import ssm.experiments.run.DataSources;
import ssm.experiments.run.EvaluationRun;
import ssm.metrics.CocoFiles;
import ssm.report.MetricsReport;
import ssm.report.MetricsReports;
import ssm.run.RunFolder;
import ssm.settings.Settings;
import ssm.settings.Variant;

/**
 * {@code ssm eval}: the paper's metrics (and COCO's) of a checkpoint on a segmentation test folder
 * and a classification split; prints them and writes {@code metrics.json}
 * (docs/reference/evaluation.md). Without data options it evaluates on the built-in synthetic test
 * splits of the settings' {@code data.synthetic} (under {@code runs/data/}), generating them first
 * when missing.
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluate a checkpoint: the paper's per-image mask AP, COCO segm/bbox AP/AR and "
          + "the classification metrics (Table 2, Table 3); prints them and writes metrics.json.",
      "Without --seg-data/--cls-data: the synthetic test splits of the settings' "
          + "data.synthetic, under runs/data/ (generated when missing)."
    })
final class EvalCommand implements Callable<Integer> {
  @Option(
      names = "--runs",
      paramLabel = "DIR",
      defaultValue = "runs",
      description = "Root of the generated synthetic data (default: runs).")
  Path runsRoot;

  @Spec CommandSpec spec;
  @Mixin SettingsOptions settingsOptions;

  @Option(
      names = "--weights",
      required = true,
      paramLabel = "FILE",
      description = "Weights of the variant: safetensors or the author's PyTorch .pth.")
  Path weights;

  @Option(
      names = "--seg-data",
      paramLabel = "DIR",
      description = "Segmentation test folder (DIR/images, DIR/masks).")
  Path segData;

  @Option(
      names = "--cls-data",
      paramLabel = "SPLIT",
      description =
          "Classification test split: a COVIDx-CT split file (images/ beside it) or a "
              + "folder of class-prefixed slices (2_xxx.png).")
  Path clsData;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description =
          "Folder of metrics.json; default: the folder of the weights, unless it "
              + "already holds one (a run's own evaluation: kept unless --overwrite).")
  Path outDir;

  @Option(
      names = "--overwrite",
      description =
          "Replace the metrics.json beside the weights (default: keep it and write "
              + "none; --out writes elsewhere).")
  boolean overwrite;

  @Option(
      names = "--coco-results",
      paramLabel = "FILE",
      description =
          "Also write the detections as a COCO result file, and the ground truth beside "
              + "it as FILE's name with .gt.json (for pycocotools or ssm coco-eval).")
  Path cocoResults;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "At most N slices of each set: a fixed pseudo-random subset, in file "
              + "order (default: all).")
  int limit;

  @Option(names = "--skip-bad", description = "Skip unreadable slices (listed) instead of failing.")
  boolean skipBad;

  @Option(names = "--json", description = "Print metrics.json instead of the text summary.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    RunProvenance provenance = RunProvenance.begin(spec);
    Settings settings = settingsOptions.settingsForWeights(weights, spec.commandLine().getErr());
    Variant variant = settingsOptions.variant();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (limit < 0) {
      throw new IllegalArgumentException("--limit " + limit + " must not be negative");
    }
    if (!Files.isRegularFile(weights)) {
      throw new IllegalArgumentException("--weights " + weights + ": no such file");
    }
    Path seg = segData;
    Path cls = clsData;
    if (seg == null && cls == null) {
      DataSources sources = DataSources.resolve(settings, null, null, runsRoot);
      seg = sources.segTest();
      cls = sources.clsTest();
    }
    Path metricsDir = metricsDir();
    EvaluationRun.Result result =
        EvaluationRun.evaluate(
            variant, settings, weights, seg, cls, metricsDir, limit, skipBad, err);
    Evaluation e = result.evaluation();
    MetricsReport report = result.report();
    Path metrics = result.metricsFile();
    double seconds = result.seconds();
    String dataset = result.dataset();
    if (cocoResults != null && e.groundTruth() == null) {
      err.println("--coco-results: no segmentation data was evaluated; no COCO files written");
    } else if (cocoResults != null) {
      Path gt = groundTruthFile(cocoResults);
      CocoFiles.writeResults(cocoResults, e.detections());
      CocoFiles.writeGroundTruth(gt, e.groundTruth());
      err.printf("wrote %s (%d detections) and %s%n", cocoResults, e.detections().size(), gt);
    }
    int slices = e.segmentationSlices() + e.classificationSlices();
    if (json) {
      out.println(MetricsReports.toText(report));
    } else {
      out.printf(
          "%s (%s), %s%n%s%s",
          variant.name(), variant.paperLabel(), dataset, e.toText(), result.supplement());
    }
    out.flush();
    double evaluating = e.segmentationSeconds() + e.classificationSeconds();
    err.printf(
        Locale.ROOT,
        "evaluated %d slices (%d segmentation, %d classification) in %.1f s: "
            + "model %.1f s (%.3f s per slice), data and metrics %.1f s; %.1f s with model building "
            + "and weight loading; %s%n",
        slices,
        e.segmentationSlices(),
        e.classificationSlices(),
        evaluating,
        e.predictSeconds(),
        slices == 0 ? 0 : e.predictSeconds() / slices,
        evaluating - e.predictSeconds(),
        seconds,
        metrics != null
            ? "wrote " + metrics
            : "metrics.json not written: "
                + new RunFolder(weights.toAbsolutePath().getParent()).metrics()
                + " exists (--overwrite to replace it, --out DIR to write elsewhere)");
    err.flush();
    if (metrics != null) {
      provenance.into(metrics.toAbsolutePath().getParent()).finish(0);
    }
    return 0;
  }

  /**
   * Where metrics.json goes: --out, else the weights' folder unless that already holds one (the
   * run's own, written by train or grid) and --overwrite was not given; null for nowhere.
   */
  private Path metricsDir() {
    if (outDir != null) {
      return outDir;
    }
    Path dir = weights.toAbsolutePath().getParent();
    return overwrite || !Files.exists(new RunFolder(dir).metrics()) ? dir : null;
  }

  /** {@code dt.json} -> {@code dt.gt.json}. */
  static Path groundTruthFile(Path results) {
    String name = results.getFileName().toString();
    String base = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    return results.resolveSibling(base + ".gt.json");
  }
}
