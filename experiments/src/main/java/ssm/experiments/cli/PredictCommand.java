package ssm.experiments.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import ssm.data.ClassificationExample;
import ssm.data.ImageDecoder;
import ssm.data.Resizer;
import ssm.data.Slice;
import ssm.predict.Lesion;
import ssm.predict.Overlay;
import ssm.predict.Prediction;
import ssm.predict.PredictionCsv;
import ssm.predict.Predictor;
import ssm.predict.TruthLesion;
import ssm.predict.TruthMasks;
import ssm.predict.TruthMatch;
import ssm.settings.ModelSettings.InputSettings;
import ssm.settings.Settings;
import ssm.util.ProgressBar;
import ssm.wiring.ModelWiring;

/**
 * {@code ssm predict}: lesion instances and the image class for PNG/JPEG slices or folders of them,
 * one JSON object per line on stdout. A file that cannot be read is reported on stderr and skipped;
 * the others are still predicted, and the exit code is 1.
 *
 * <p>{@code --out DIR} keeps everything in one folder: {@code DIR/predictions.csv} (see {@link
 * PredictionCsv}), {@code DIR/json/NAME.json} (the stdout line of each slice, indented) and {@code
 * DIR/overlays/NAME.png}; NAME is the file name without its extension, with {@code _2}, {@code
 * _3}... appended when two inputs share it. {@code --csv} and {@code --overlay} put those
 * elsewhere, or write them without {@code --out}.
 *
 * <p>{@code --truth MASKS} compares each slice's lesions with its ground-truth label mask ({@link
 * TruthMasks}, matched by {@link TruthMatch}): a {@code truth} object in the JSON, two CSV columns,
 * outlines on the overlay, and one summary line on stderr at the end.
 */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    description = {
      "Predict lesions (boxes, scores, RLE masks) and the class of CT slices; "
          + "one JSON object per image on stdout.",
      "With --out DIR also DIR/predictions.csv, DIR/json/ and DIR/overlays/."
    })
final class PredictCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin SettingsOptions settingsOptions;

  @Option(
      names = "--weights",
      required = true,
      paramLabel = "FILE",
      description =
          "Weights of the variant: safetensors (PyTorch names and layouts) or"
              + " the author's PyTorch .pth.")
  Path weights;

  @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Slices or folders of slices.")
  List<Path> inputs;

  @Option(
      names = "--debug",
      description =
          "Add the RPN proposals, the 128x5 RoI batch and the feature map's spatial mean"
              + " (of the lesions' pass where model.input.detection-test-min-size is set).")
  boolean debug;

  @Option(
      names = "--overlay",
      paramLabel = "DIR",
      description =
          "Write a PNG per image with masks, boxes and the class drawn over the slice "
              + "(default with --out: OUT/overlays).")
  Path overlayDir;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Write predictions.csv, json/ (a file per image) and overlays/ here.")
  Path outDir;

  @Option(
      names = "--csv",
      paramLabel = "FILE",
      description =
          "Write one CSV row per image: file, class, the three probabilities, lesions, "
              + "lesion area fraction (default with --out: OUT/predictions.csv).")
  Path csvFile;

  @Option(
      names = "--truth",
      paramLabel = "DIR",
      description =
          "Folder of ground-truth label masks (PNG, same base name as each image; 0 background,"
              + " 1 lung, 2 GGO, 3 consolidation): report which lesions were found (mask IoU >="
              + " 0.5, one detection each) and outline them on the overlays, green found, cyan"
              + " missed.")
  Path truthDir;

  @Override
  public Integer call() throws Exception {
    Settings settings = settingsOptions.settingsForWeights(weights, spec.commandLine().getErr());
    List<Path> files = expand(inputs);
    TruthMasks truth =
        truthDir == null ? null : new TruthMasks(truthDir, settings.data().minLesionArea());
    if (truth != null) {
      // before anything is written or loaded: a missing mask ends the run at once
      truth.requireMasks(files);
    }
    InputSettings input = settings.model().input();
    Resizer classResizer = new Resizer(input.minSize(), input.maxSize());
    Resizer lesionResizer = new Resizer(input.detectionMinSize(), input.detectionMaxSize());
    Path jsonDir = outDir == null ? null : outDir.resolve("json");
    Path overlays = overlayDir != null || outDir == null ? overlayDir : outDir.resolve("overlays");
    Path csv = csvFile != null || outDir == null ? csvFile : outDir.resolve("predictions.csv");
    for (Path d :
        new Path[] {jsonDir, overlays, csv == null ? null : csv.toAbsolutePath().getParent()}) {
      if (d != null) {
        Files.createDirectories(d);
      }
    }
    List<String> names = outputNames(files);
    TruthTally tally = new TruthTally();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ObjectMapper json = new ObjectMapper();
    List<String> failures = new ArrayList<>();
    ProgressBar progress = files.size() > 1 ? new ProgressBar("predict", files.size()) : null;
    // The weights load before anything of an earlier predict in --out is cleared.
    try (Predictor predictor =
            new Predictor(ModelWiring.model(settingsOptions.variant(), settings), weights);
        PredictOutputFolder written =
            outDir == null
                ? null
                : new PredictOutputFolder(
                    outDir, Arrays.asList(jsonDir, overlayDir == null ? overlays : null));
        PrintWriter table =
            csv == null
                ? null
                : new PrintWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8))) {
      if (table != null) {
        table.println(PredictionCsv.header(truth != null));
        wrote(written, csv);
      }
      for (int i = 0; i < files.size(); i++) {
        Path file = files.get(i);
        try {
          Slice original = ImageDecoder.decode(file);
          // the mask first: a bad one costs no prediction
          List<TruthLesion> truthLesions =
              truth == null ? null : truth.lesions(file, original.height(), original.width());
          Prediction p = predictor.predict(lesionResizer.resize(original), debug);
          if (input.detectsAtOwnSize()) {
            // S was trained on slices at min-size: the class comes from a pass at that size
            p = p.withClassOf(predictor.predict(classResizer.resize(original), false));
          }
          TruthMatch match = truth == null ? null : TruthMatch.of(p.lesions(), truthLesions);
          ObjectNode o = toJson(json, file, p);
          if (match != null) {
            o.set("truth", toJson(json, match));
          }
          out.println(json.writeValueAsString(o));
          out.flush();
          if (jsonDir != null) {
            Path f = jsonDir.resolve(names.get(i) + ".json");
            wrote(written, f);
            json.writerWithDefaultPrettyPrinter().writeValue(f.toFile(), o);
          }
          if (overlays != null) {
            Path f = overlays.resolve(names.get(i) + ".png");
            wrote(written, f);
            Files.write(f, Overlay.png(original, p, match));
          }
          if (table != null) {
            table.println(PredictionCsv.row(file.toString(), p, match));
            table.flush(); // a long run's rows are on disk as they come
          }
          if (match != null) {
            tally.add(match);
          }
        } catch (RuntimeException | IOException e) {
          failures.add(file + ": " + e.getMessage());
        }
        if (progress != null) {
          progress.update(i + 1, failures.isEmpty() ? "" : failures.size() + " failed");
        }
      }
    }
    if (truth != null) {
      err.println(tally.summary());
    }
    failures.forEach(f -> err.println("skipped " + f));
    if (!failures.isEmpty()) {
      err.printf("%d of %d images could not be predicted%n", failures.size(), files.size());
    }
    err.flush();
    return failures.isEmpty() ? 0 : 1;
  }

  private static void wrote(PredictOutputFolder folder, Path file) {
    if (folder != null) {
      folder.wrote(file);
    }
  }

  /**
   * Output names of {@code files}: the file name without extension, made unique by appending {@code
   * _2}, {@code _3}... in input order (a/slice.png and b/slice.png give slice, slice_2).
   */
  static List<String> outputNames(List<Path> files) {
    Set<String> used = new HashSet<>();
    List<String> names = new ArrayList<>(files.size());
    for (Path f : files) {
      String base = ImageDecoder.baseName(f.getFileName().toString());
      String name = base;
      for (int k = 2; !used.add(name); k++) {
        name = base + "_" + k;
      }
      names.add(name);
    }
    return names;
  }

  /** Files as given, folders expanded to their images (sorted by name). */
  static List<Path> expand(List<Path> inputs) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path in : inputs) {
      if (Files.isDirectory(in)) {
        try (Stream<Path> s = Files.list(in)) {
          s.filter(p -> ImageDecoder.isImageName(p.getFileName().toString()))
              .sorted()
              .forEach(files::add);
        }
      } else {
        files.add(in);
      }
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no images in " + inputs);
    }
    return files;
  }

  static ObjectNode toJson(ObjectMapper json, Path file, Prediction p) {
    ObjectNode o = json.createObjectNode();
    o.put("file", file.toString());
    o.put("height", p.height());
    o.put("width", p.width());
    int c = p.predictedClass();
    o.put("class", ClassificationExample.CLASS_NAMES[c]);
    o.put("class_index", c);
    o.put("lesion_area_fraction", p.lesionAreaFraction());
    ObjectNode probs = o.putObject("probabilities");
    ArrayNode logits = o.putArray("logits");
    for (int k = 0; k < p.classLogits().length; k++) {
      probs.put(ClassificationExample.CLASS_NAMES[k], p.classProbabilities()[k]);
      logits.add(p.classLogits()[k]);
    }
    ArrayNode lesions = o.putArray("lesions");
    for (Lesion l : p.lesions()) {
      ObjectNode n = lesions.addObject();
      ArrayNode box = n.putArray("box");
      for (float v : l.box()) {
        box.add(v);
      }
      n.put("score", l.score());
      n.put("area", l.mask().area());
      ObjectNode mask = n.putObject("mask");
      mask.putArray("size").add(p.height()).add(p.width());
      mask.put("counts", l.mask().toCompressedString());
    }
    if (p.debug() != null) {
      ObjectNode d = o.putObject("debug");
      d.set("proposals", rows(json, p.debug().proposals(), 4));
      d.set("proposal_logits", floats(json, p.debug().proposalLogits()));
      d.set("roi_batch", rows(json, p.debug().roiBatch(), 5));
      d.set("feature_mean", floats(json, p.debug().featureMean()));
    }
    return o;
  }

  /** The {@code truth} object of a slice's JSON. */
  static ObjectNode toJson(ObjectMapper json, TruthMatch match) {
    ObjectNode o = json.createObjectNode();
    o.put("lesions", match.lesions());
    o.put("found", match.found());
    ArrayNode instances = o.putArray("instances");
    for (TruthMatch.Instance t : match.instances()) {
      ObjectNode n = instances.addObject();
      ArrayNode box = n.putArray("box");
      for (float v : t.lesion().box()) {
        box.add(v);
      }
      n.put("area", t.lesion().area());
      n.put("found", t.found());
      if (t.found()) {
        n.put("detection", t.detection()); // index into "lesions"
        n.put("score", t.score());
        n.put("iou", t.iou());
      }
    }
    return o;
  }

  /** Ground-truth lesions and found ones over the slices predicted, for the summary line. */
  private static final class TruthTally {
    private int slices;
    private int lesions;
    private int found;

    void add(TruthMatch match) {
      slices++;
      lesions += match.lesions();
      found += match.found();
    }

    String summary() {
      return String.format(
          "ground truth: %d of %d lesions found (mask IoU >= %s, one detection each) on %d %s",
          found, lesions, TruthMatch.MIN_IOU, slices, slices == 1 ? "slice" : "slices");
    }
  }

  /** {@code values} as rows of {@code width}. */
  private static ArrayNode rows(ObjectMapper json, float[] values, int width) {
    ArrayNode rows = json.createArrayNode();
    for (int i = 0; i + width <= values.length; i += width) {
      rows.add(floats(json, Arrays.copyOfRange(values, i, i + width)));
    }
    return rows;
  }

  private static ArrayNode floats(ObjectMapper json, float[] values) {
    ArrayNode array = json.createArrayNode();
    for (float v : values) {
      array.add(v);
    }
    return array;
  }
}
