package ssm.experiments.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import ssm.metrics.CocoDataset;
import ssm.metrics.CocoDetection;
import ssm.metrics.CocoEvaluator;
import ssm.metrics.CocoFiles;
import ssm.report.CocoFigures;
import ssm.report.MetricsReports;

/**
 * {@code coco-eval}: the 12 standard COCO numbers from a COCO ground-truth file and a COCO result
 * file, with pycocotools COCOeval semantics, so this model compares with any other detector.
 */
@Command(
    name = "coco-eval",
    mixinStandardHelpOptions = true,
    description = {
      "Computes the 12 standard COCO numbers (AP, AP50, AP75, APs/m/l, AR1/10/100, ARs/m/l)",
      "from a COCO ground-truth file and a COCO result file, as pycocotools COCOeval does."
    })
public final class CocoEvalCommand implements Callable<Integer> {
  @Option(
      names = "--gt",
      required = true,
      paramLabel = "GT.json",
      description = "COCO ground truth: images, annotations (polygons or RLE), categories.")
  private Path groundTruth;

  @Option(
      names = "--dt",
      required = true,
      paramLabel = "DT.json",
      description =
          "COCO results: a JSON array of {image_id, category_id, score, segmentation|bbox}.")
  private Path detections;

  @Option(
      names = "--iou-type",
      defaultValue = "segm",
      paramLabel = "segm|bbox",
      description = "IoU on masks (segm) or boxes (bbox); default ${DEFAULT-VALUE}.")
  private String iouType;

  @Option(
      names = "--json",
      description = "Print the numbers as JSON instead of pycocotools' layout.")
  private boolean json;

  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      CocoEvaluator.IouType type = CocoEvaluator.IouType.parse(iouType);
      CocoDataset gt = CocoFiles.readGroundTruth(groundTruth);
      List<CocoDetection> dt = CocoFiles.readResults(detections);
      CocoEvaluator.Result result = CocoEvaluator.evaluate(gt, dt, type);
      if (json) {
        out.println(MetricsReports.toText(CocoFigures.of(result, null)));
      } else {
        out.printf(
            "Evaluate annotation type *%s*: %d images, %d categories, %d detections%n",
            type.label(), result.imageIds().length, result.categoryIds().length, dt.size());
        out.print(result.summaryText());
      }
      out.flush();
      return 0;
    } catch (IllegalArgumentException | UncheckedIOException e) {
      err.println("coco-eval: " + e.getMessage());
      err.flush();
      return 1;
    }
  }
}
