package ssm.experiments.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import ssm.data.ClassPrefixedFolder;
import ssm.data.ClassificationExample;
import ssm.data.CovidxSplit;
import ssm.data.LazyDataset;
import ssm.data.ReaderOptions;
import ssm.data.SegmentationFolder;
import ssm.data.SyntheticCtGenerator;
import ssm.eval.Evaluation;
import ssm.eval.Evaluator;
import ssm.experiments.Variant;
import ssm.metrics.CocoFiles;
import ssm.metrics.MetricsJson;
import ssm.model.ParameterCount;
import ssm.model.SsmModel;
import ssm.predict.Predictor;
import ssm.settings.Settings;

/**
 * {@code ssm eval}: the paper's metrics (and COCO's) of a checkpoint on a segmentation test folder
 * and a classification split; prints them and writes {@code metrics.json} (docs/evaluation.md).
 * Without data options it evaluates on the built-in synthetic test splits under {@value
 * #SYNTHETIC_DIR}, generating them first when missing.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = {"Evaluate a checkpoint: the paper's per-image mask AP, COCO segm/bbox AP/AR and "
        + "the classification metrics (Table 2, Table 3); prints them and writes metrics.json.",
        "Without --seg-data/--cls-data: the synthetic test splits of " + EvalCommand.SYNTHETIC_DIR
            + " (generated with the generator's defaults when missing)."})
final class EvalCommand implements Callable<Integer> {
  /** Where the default synthetic dataset lives, relative to the working directory. */
  static final String SYNTHETIC_DIR = "runs/data/synthetic";

  @Spec CommandSpec spec;
  @Mixin SettingsOptions settingsOptions;

  @Option(names = "--weights", required = true, paramLabel = "FILE",
      description = "Weights (safetensors) of the variant.")
  Path weights;

  @Option(names = "--seg-data", paramLabel = "DIR",
      description = "Segmentation test folder (DIR/images, DIR/masks).")
  Path segData;

  @Option(names = "--cls-data", paramLabel = "SPLIT",
      description = "Classification test split: a COVIDx-CT split file (images/ beside it) or a "
          + "folder of class-prefixed slices (2_xxx.png).")
  Path clsData;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Folder of metrics.json; default: the folder of the weights.")
  Path outDir;

  @Option(names = "--coco-results", paramLabel = "FILE",
      description = "Also write the detections as a COCO result file, and the ground truth beside "
          + "it as FILE's name with .gt.json (for pycocotools or ssm coco-eval).")
  Path cocoResults;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "0",
      description = "At most N slices of each set: a fixed pseudo-random subset, in file "
          + "order (default: all).")
  int limit;

  @Option(names = "--skip-bad", description = "Skip unreadable slices (listed) instead of failing.")
  boolean skipBad;

  @Option(names = "--json", description = "Print metrics.json instead of the text summary.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    Settings settings = settingsOptions.settings();
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
      Path root = Path.of(SYNTHETIC_DIR);
      ensureSynthetic(root, err);
      seg = root.resolve("seg/test");
      cls = root.resolve("cls/test.txt");
    }
    ReaderOptions options = ReaderOptions.defaults()
        .withSize(settings.model().input().minSize(), settings.model().input().maxSize())
        .withSkipBad(skipBad);
    SegmentationFolder segmentation = seg == null ? null : new SegmentationFolder(seg, options);
    LazyDataset<ClassificationExample> classification = cls == null ? null
        : Files.isDirectory(cls) ? new ClassPrefixedFolder(cls, options)
        : new CovidxSplit(cls, CovidxSplit.defaultImagesDir(cls), options);
    String dataset = describe(seg, cls);
    err.printf("evaluating %s (%s) on %s%n", variant.name(), weights, dataset);
    err.flush();

    SsmModel model = variant.model(settings);
    long parameters = ParameterCount.of(model).total();
    Evaluation e;
    long start = System.nanoTime();
    try (Predictor predictor = new Predictor(model, weights)) {
      e = new Evaluator(s -> predictor.predict(s, false),
          new Evaluator.Options(limit, System.err, System.console() != null))
          .evaluate(segmentation, classification);
    }
    double seconds = (System.nanoTime() - start) / 1e9;

    ObjectNode report = e.toJson(variant.name(), dataset);
    report.put("paper_label", variant.paperLabel());
    // each part's own data, so that Table 2 and Table 3 each name only what they used
    ObjectNode parts = report.putObject("datasets");
    parts.put("segmentation", seg == null ? null : describe(seg, null));
    parts.put("classification", cls == null ? null : describe(null, cls));
    report.put("weights", weights.toAbsolutePath().normalize().toString());
    report.putObject("parameters").put("total", parameters);
    ((ObjectNode) report.get("evaluation")).put("seconds", seconds);
    Path dir = outDir != null ? outDir : weights.toAbsolutePath().getParent();
    Path metrics = dir.resolve("metrics.json");
    MetricsJson.write(metrics, report);
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
      out.println(MetricsJson.toText(report));
    } else {
      out.printf("%s (%s), %s%n%s", variant.name(), variant.paperLabel(), dataset, e.toText());
    }
    out.flush();
    double evaluating = e.segmentationSeconds() + e.classificationSeconds();
    err.printf(Locale.ROOT, "evaluated %d slices (%d segmentation, %d classification) in %.1f s: "
        + "model %.1f s (%.3f s per slice), data and metrics %.1f s; %.1f s with model building "
        + "and weight loading; wrote %s%n", slices, e.segmentationSlices(),
        e.classificationSlices(), evaluating, e.predictSeconds(),
        slices == 0 ? 0 : e.predictSeconds() / slices, evaluating - e.predictSeconds(), seconds,
        metrics);
    err.flush();
    return 0;
  }

  /** {@code dt.json} -> {@code dt.gt.json}. */
  static Path groundTruthFile(Path results) {
    String name = results.getFileName().toString();
    String base = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    return results.resolveSibling(base + ".gt.json");
  }

  /** Generates the default synthetic dataset under {@code root} unless its test splits exist. */
  static void ensureSynthetic(Path root, PrintWriter err) {
    if (Files.isDirectory(root.resolve("seg/test/images"))
        && Files.isRegularFile(root.resolve("cls/test.txt"))) {
      return;
    }
    SyntheticCtGenerator.Options o = SyntheticCtGenerator.Options.defaults();
    err.printf("no synthetic dataset in %s: generating it (ssm data synth --out %s --seg %d --cls %d"
        + " --size %d --seed %d)%n", root, root, o.seg(), o.cls(), o.size(), o.seed());
    err.flush();
    SyntheticCtGenerator.Summary s = SyntheticCtGenerator.generate(root, o, (done, total) -> {});
    err.printf("wrote %d slices in %.1f s%n", s.total(), s.millis() / 1000.0);
    err.flush();
  }

  private static final Pattern SYNTH_README = Pattern.compile(
      "ssm data synth\\): seg (\\d+), cls (\\d+), size (\\d+), seed (-?\\d+)");

  /**
   * The dataset as table captions print it: {@code synthetic (built-in generator, seed 1, 512 px)
   * seg/test + cls/test.txt} when the folder was written by the generator (its README.txt), else
   * the absolute paths.
   */
  static String describe(Path seg, Path cls) {
    Path root = null;
    for (Path p : new Path[] {seg == null ? null : seg.toAbsolutePath().getParent(),
        cls == null ? null : cls.toAbsolutePath().getParent()}) {
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
      return String.format("synthetic (built-in generator, seed %s, %s px): %s of %s",
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
