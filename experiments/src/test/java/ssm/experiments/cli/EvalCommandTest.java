package ssm.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import ssm.data.synthetic.SyntheticCtGenerator;
import ssm.slices.SliceResults;
import ssm.slices.SliceResultsFile;
import ssm.slices.SubsetFigures;
import ssm.testing.ReferenceFixture;
import ssm.testing.SlowTest;

class EvalCommandTest {
  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  /** 5 seg slices (4 train, 1 test) and 5 cls slices (3 train, 1 val, 1 test) of size x size. */
  private static Path synthetic(Path dir, int size, long seed) {
    SyntheticCtGenerator.generate(
        dir, new SyntheticCtGenerator.Options(5, 5, size, seed), (done, total) -> {});
    return dir;
  }

  @Test
  void theSyntheticSetIsNamedWithItsSeedAndSize(@TempDir Path dir) {
    Path root = synthetic(dir, 64, 7);
    assertEquals(
        "synthetic (built-in generator, seed 7, 64 px): seg/test + cls/test.txt of "
            + root.toAbsolutePath().normalize(),
        ssm.experiments.run.EvaluationRun.describe(
            root.resolve("seg/test"), root.resolve("cls/test.txt")));
    assertEquals(
        "synthetic (built-in generator, seed 7, 64 px): cls/test.txt of "
            + root.toAbsolutePath().normalize(),
        ssm.experiments.run.EvaluationRun.describe(null, root.resolve("cls/test.txt")));
  }

  @Test
  void otherDataIsNamedByItsPaths(@TempDir Path dir) {
    assertEquals(
        "segmentation "
            + dir.resolve("cncb/test")
            + "; classification "
            + dir.resolve("covidx/test.txt"),
        ssm.experiments.run.EvaluationRun.describe(
            dir.resolve("cncb/test"), dir.resolve("covidx/test.txt")));
  }

  @Test
  void groundTruthFileSitsBesideTheResults() {
    assertEquals(Path.of("out/dt.gt.json"), EvalCommand.groundTruthFile(Path.of("out/dt.json")));
    assertEquals(Path.of("dt.gt.json"), EvalCommand.groundTruthFile(Path.of("dt")));
  }

  @Test
  void missingWeightsIsAnError(@TempDir Path dir) {
    Run r =
        run(
            "eval",
            "--weights",
            dir.resolve("nope.safetensors").toString(),
            "--cls-data",
            dir.resolve("x.txt").toString());
    assertTrue(r.code() != 0);
    assertTrue(r.err().contains("nope.safetensors: no such file"), r.err());
  }

  /**
   * The one real-model run: the reference-parity weights (scratch-r18-3) on one segmentation and
   * one classification slice of 128x128; the COCO files it writes reproduce its COCO AP.
   */
  @Test
  @SlowTest
  void evaluatesTheFixtureAndWritesMetricsAndCocoFiles(@TempDir Path dir) throws Exception {
    Path weights = ReferenceFixture.weights();
    assertTrue(Files.isRegularFile(weights), "fixture weights not found at " + weights);
    Path data = synthetic(dir.resolve("data"), 128, 1);
    Path out = dir.resolve("run");
    Path dt = dir.resolve("coco/dt.json");
    Run r =
        run(
            "eval",
            "--weights",
            weights.toString(),
            "--seg-data",
            data.resolve("seg/test").toString(),
            "--cls-data",
            data.resolve("cls/test.txt").toString(),
            "--out",
            out.toString(),
            "--coco-results",
            dt.toString(),
            "--set",
            "model.input.min-size=128",
            "--set",
            "model.input.max-size=256");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("AP@0.5"), r.out());
    assertTrue(r.out().contains("accuracy"), r.out());
    JsonNode m = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
    assertEquals("ssm-metrics/2", m.get("schema").asText());
    assertEquals("scratch-r18-3", m.get("variant").asText());
    assertEquals(8_267_759, m.at("/parameters/total").asLong());
    assertEquals(1, m.at("/evaluation/segmentation_slices").asInt());
    assertEquals(1, m.at("/classification/samples").asInt());
    assertEquals("synthetic", m.at("/datasets/segmentation/kind").asText());
    assertEquals(1, m.at("/datasets/segmentation/seed").asLong());
    assertEquals(128, m.at("/datasets/segmentation/size").asInt());
    assertEquals("seg/test", m.at("/datasets/segmentation/path").asText());
    assertEquals(1, m.at("/datasets/classification/slices").asInt());
    assertEquals(0.5, m.at("/segmentation/lesion_area/score_threshold").asDouble(), 0);
    assertEquals(1, m.at("/segmentation/lesion_area/slices").asInt());
    assertEquals(
        128L * 128,
        m.at("/segmentation/lesion_area/pooled/tp").asLong()
            + m.at("/segmentation/lesion_area/pooled/fp").asLong()
            + m.at("/segmentation/lesion_area/pooled/fn").asLong()
            + m.at("/segmentation/lesion_area/pooled/tn").asLong());
    assertTrue(r.out().contains("segmentation, lesion area"), r.out());
    assertTrue(
        m.at("/datasets/classification/description")
            .asText()
            .startsWith("synthetic (built-in generator, seed 1, 128 px)"));
    // each slice's outcome beside metrics.json, recomputing its figures
    SliceResults slices = SliceResultsFile.read(out.resolve(SliceResultsFile.FILE_NAME));
    assertEquals(1, slices.segmentation().size());
    assertEquals(1, slices.classification().size());
    assertEquals(
        m.at("/classification/accuracy").asDouble(),
        SubsetFigures.accuracy(slices.classification(), new int[] {0}),
        0.0);

    Run coco =
        run(
            "coco-eval",
            "--gt",
            dir.resolve("coco/dt.gt.json").toString(),
            "--dt",
            dt.toString(),
            "--iou-type",
            "segm",
            "--json");
    if (m.at("/evaluation/detections").asInt() > 0) {
      assertEquals(0, coco.code(), coco.err());
      assertEquals(
          m.at("/segmentation/coco_segm/AP").asDouble(),
          new ObjectMapper().readTree(coco.out()).get("AP").asDouble(),
          0.0);
    }
  }

  /**
   * The synthetic training slices as two collections: segmentation files renamed {@code north_*}
   * and {@code south_*}, classification lines given a seventh column; every figure is also given
   * per collection, and the collections' pixel counts add up to the whole set's.
   */
  @Test
  @SlowTest
  void figuresAreGivenPerCollection(@TempDir Path dir) throws Exception {
    Path data = synthetic(dir.resolve("data"), 128, 1);
    Path seg = dir.resolve("two/seg");
    List<Path> images;
    try (var s = Files.list(data.resolve("seg/train/images"))) {
      images = s.sorted().toList();
    }
    for (int i = 0; i < images.size(); i++) {
      String name = (i < 2 ? "north_" : "south_") + images.get(i).getFileName();
      Files.createDirectories(seg.resolve("images"));
      Files.createDirectories(seg.resolve("masks"));
      Files.copy(images.get(i), seg.resolve("images").resolve(name));
      Files.copy(
          data.resolve("seg/train/masks").resolve(images.get(i).getFileName()),
          seg.resolve("masks").resolve(name));
    }
    List<String> lines = Files.readAllLines(data.resolve("cls/train.txt"));
    List<String> named = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      named.add(lines.get(i) + (i % 2 == 0 ? " north" : " south"));
    }
    Path cls = Files.write(data.resolve("cls/two.txt"), named);
    Path out = dir.resolve("run");
    Run r =
        run(
            "eval",
            "--weights",
            ReferenceFixture.weights().toString(),
            "--seg-data",
            seg.toString(),
            "--cls-data",
            cls.toString(),
            "--out",
            out.toString(),
            "--set",
            "model.input.min-size=128",
            "--set",
            "model.input.max-size=256");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("per collection"), r.out());
    JsonNode m = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
    JsonNode by = m.get("by_collection");
    assertEquals(List.of("north", "south"), fieldNames(by));
    assertEquals(2, by.at("/north/segmentation_slices").asInt());
    assertEquals(images.size() - 2, by.at("/south/segmentation_slices").asInt());
    assertEquals(
        lines.size(),
        by.at("/north/classification_slices").asInt()
            + by.at("/south/classification_slices").asInt());
    for (String k : new String[] {"tp", "fp", "fn", "tn"}) {
      assertEquals(
          m.at("/segmentation/lesion_area/pooled/" + k).asLong(),
          by.at("/north/lesion_area/pooled/" + k).asLong()
              + by.at("/south/lesion_area/pooled/" + k).asLong(),
          k);
    }
  }

  private static List<String> fieldNames(JsonNode n) {
    List<String> names = new ArrayList<>();
    n.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /**
   * model.input.detection-test-min-size 192 at min-size 128: the segmentation slices are read at
   * 192 px, so the detections are exactly those of min-size 192 / max-size 384.
   */
  @Test
  @SlowTest
  void segmentationSlicesAreReadAtTheDetectionTestScale(@TempDir Path dir) throws Exception {
    Path data = synthetic(dir.resolve("data"), 128, 1);
    JsonNode scaled =
        detections(dir.resolve("scaled"), data, "model.input.detection-test-min-size=192");
    JsonNode large =
        detections(
            dir.resolve("large"), data, "model.input.min-size=192", "model.input.max-size=384");
    assertTrue(scaled.size() > 0, scaled.toString());
    assertEquals(large, scaled);
    JsonNode asTrained = detections(dir.resolve("as-trained"), data);
    assertFalse(asTrained.equals(scaled));
  }

  /** The COCO result file of the fixture weights on {@code data}'s segmentation test slice. */
  private static JsonNode detections(Path dir, Path data, String... settings) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "eval",
                "--weights",
                ReferenceFixture.weights().toString(),
                "--seg-data",
                data.resolve("seg/test").toString(),
                "--out",
                dir.toString(),
                "--coco-results",
                dir.resolve("dt.json").toString(),
                "--set",
                "model.input.min-size=128",
                "--set",
                "model.input.max-size=256",
                "--set",
                "model.roi.score-threshold=0"));
    for (String s : settings) {
      args.add("--set");
      args.add(s);
    }
    Run r = run(args.toArray(String[]::new));
    assertEquals(0, r.code(), r.err());
    return new ObjectMapper().readTree(dir.resolve("dt.json").toFile());
  }
}
