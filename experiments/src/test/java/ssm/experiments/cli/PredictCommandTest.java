package ssm.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssm.data.TestImages;
import ssm.predict.PredictionCsv;
import ssm.testing.ReferenceFixture;
import ssm.testing.SlowTest;

class PredictCommandTest {
  @TempDir Path dir;

  @Test
  @SlowTest
  void folderWithACorruptFileWritesCsvJsonAndOverlaysForTheOthers() throws Exception {
    Path fixture = ExportCommandTest.fixture();
    Path slices = Files.createDirectories(dir.resolve("slices"));
    Files.copy(fixture.resolve("public/covid.png"), slices.resolve("covid.png"));
    Files.copy(fixture.resolve("public/cp.png"), slices.resolve("cp.png")); // one lesion
    Files.write(slices.resolve("broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
    Files.writeString(slices.resolve("notes.txt"), "not an image, not listed");
    Path out = dir.resolve("out");
    CliCapture cli = new CliCapture();

    int code =
        cli.run(
            "predict",
            "--weights",
            fixture.resolve("weights.safetensors").toString(),
            "--out",
            out.toString(),
            slices.toString());

    assertEquals(1, code, cli.err.toString());
    assertTrue(
        cli.err.toString().contains("skipped " + slices.resolve("broken.png") + ": "),
        cli.err.toString());
    assertTrue(
        cli.err.toString().contains("1 of 3 images could not be predicted"), cli.err.toString());
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> lines = cli.out.toString().lines().map(l -> read(json, l)).toList();
    assertEquals(2, lines.size(), cli.out.toString()); // sorted: broken (skipped), covid, cp
    JsonNode cp = lines.get(1);
    assertEquals(slices.resolve("cp.png").toString(), cp.get("file").asText());
    assertEquals(cp, json.readTree(out.resolve("json/cp.json").toFile()));
    assertTrue(Files.isRegularFile(out.resolve("json/covid.json")));
    assertFalse(Files.exists(out.resolve("json/broken.json")));
    for (String name : List.of("covid", "cp")) {
      BufferedImage overlay = ImageIO.read(out.resolve("overlays/" + name + ".png").toFile());
      assertEquals(512, overlay.getWidth());
      assertEquals(512, overlay.getHeight());
    }

    List<String> csv = Files.readAllLines(out.resolve("predictions.csv"));
    assertEquals(3, csv.size(), String.join("\n", csv));
    assertEquals(PredictionCsv.HEADER, csv.get(0));
    String[] row = csv.get(2).split(",");
    assertEquals(slices.resolve("cp.png").toString(), row[0]);
    assertEquals(cp.get("class").asText(), row[1]);
    assertEquals(cp.get("probabilities").get("Normal").floatValue(), Float.parseFloat(row[2]));
    assertEquals(cp.get("probabilities").get("CP").floatValue(), Float.parseFloat(row[3]));
    assertEquals(cp.get("probabilities").get("COVID-19").floatValue(), Float.parseFloat(row[4]));
    assertEquals(1, cp.get("lesions").size());
    assertEquals("1", row[5]);
    // one lesion: the union is its own mask, area / (512 * 512)
    double fraction = cp.get("lesions").get(0).get("area").asDouble() / (512 * 512);
    assertTrue(fraction > 0);
    assertEquals(fraction, Double.parseDouble(row[6]), 5e-7);
    assertEquals(fraction, cp.get("lesion_area_fraction").asDouble(), 1e-12);
    assertEquals("cp", row[7]);
  }

  @Test
  @SlowTest
  void truthMasksSayWhichLesionsWereFoundAndWhichMissed() throws Exception {
    Path fixture = ExportCommandTest.fixture();
    Path slices = Files.createDirectories(dir.resolve("slices"));
    Files.copy(fixture.resolve("public/cp.png"), slices.resolve("cp.png")); // one detection
    Files.copy(fixture.resolve("public/normal.png"), slices.resolve("normal.png")); // none
    Path masks = dir.resolve("masks");
    // cp.png: the reference's detected lesion as GGO (found), a 30 x 30 consolidation square in
    // the corner (missed), a 5 x 5 GGO speck (25 px, not above data.min-lesion-area = 100: not a
    // lesion) and lung (1: not a lesion) around them
    int[] cp = new int[512 * 512];
    for (int i = 0; i < 100 * 512; i++) {
      cp[i] = 1;
    }
    int[] runs = referenceMaskRuns("cp.png");
    for (int r = 0, i = 0; r < runs.length; i += runs[r++]) {
      if (r % 2 == 1) { // runs alternate zeros and ones
        Arrays.fill(cp, i, i + runs[r], 2);
      }
    }
    fill(cp, 40, 40, 70, 70, 3);
    fill(cp, 200, 40, 205, 45, 2);
    TestImages.grey(masks.resolve("cp.png"), 512, 512, cp);
    int[] lungOnly = new int[512 * 512];
    fill(lungOnly, 100, 100, 400, 400, 1);
    TestImages.grey(masks.resolve("normal.png"), 512, 512, lungOnly);
    Path out = dir.resolve("out");
    CliCapture cli = new CliCapture();

    int code =
        cli.run(
            "predict",
            "--weights",
            fixture.resolve("weights.safetensors").toString(),
            "--truth",
            masks.toString(),
            "--out",
            out.toString(),
            slices.toString());

    assertEquals(0, code, cli.err.toString());
    assertTrue(
        cli.err
            .toString()
            .contains(
                "ground truth: 1 of 2 lesions found (mask IoU >= 0.5, one detection each) on 2"
                    + " slices"),
        cli.err.toString());
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> lines = cli.out.toString().lines().map(l -> read(json, l)).toList();
    JsonNode cpTruth = lines.get(0).get("truth"); // sorted: cp, normal
    assertEquals(2, cpTruth.get("lesions").asInt());
    assertEquals(1, cpTruth.get("found").asInt());
    JsonNode missed = cpTruth.get("instances").get(0); // components in scan order: the square first
    assertEquals("[40.0,40.0,70.0,70.0]", missed.get("box").toString());
    assertEquals(900, missed.get("area").asInt());
    assertFalse(missed.get("found").asBoolean());
    assertFalse(missed.has("score"));
    JsonNode found = cpTruth.get("instances").get(1);
    assertTrue(found.get("found").asBoolean());
    assertEquals(0, found.get("detection").asInt());
    JsonNode detection = lines.get(0).get("lesions").get(0);
    assertEquals(detection.get("score").floatValue(), found.get("score").floatValue());
    assertTrue(found.get("iou").asDouble() > 0.9, found.toString()); // the same mask, give or take
    assertEquals(lines.get(0), json.readTree(out.resolve("json/cp.json").toFile()));
    assertEquals(
        "{\"lesions\":0,\"found\":0,\"instances\":[]}", lines.get(1).get("truth").toString());

    List<String> csv = Files.readAllLines(out.resolve("predictions.csv"));
    assertEquals(PredictionCsv.header(true), csv.get(0));
    assertTrue(csv.get(1).endsWith(",2,1"), csv.get(1));
    assertTrue(csv.get(2).endsWith(",0,0"), csv.get(2));
    BufferedImage overlay = ImageIO.read(out.resolve("overlays/cp.png").toFile());
    assertEquals(0x00c8ff, overlay.getRGB(40, 55) & 0xffffff); // the missed square's cyan edge
  }

  @Test
  void aSliceWithoutItsTruthMaskEndsTheRunBeforeTheWeightsLoad() throws Exception {
    Path slices = Files.createDirectories(dir.resolve("slices"));
    Files.copy(ExportCommandTest.fixture().resolve("public/cp.png"), slices.resolve("cp.png"));
    Files.copy(ExportCommandTest.fixture().resolve("public/cp.png"), slices.resolve("ct.png"));
    Path masks = dir.resolve("masks");
    TestImages.grey(masks.resolve("cp.png"), 1, 1, new int[1]);
    CliCapture cli = new CliCapture();

    int code =
        cli.run(
            "predict",
            "--weights",
            ExportCommandTest.fixture().resolve("weights.safetensors").toString(),
            "--truth",
            masks.toString(),
            slices.toString());

    assertEquals(Main.EXIT_FAILURE, code, cli.err.toString());
    assertTrue(
        cli.err
            .toString()
            .contains(
                "error: "
                    + slices.resolve("ct.png")
                    + ": no ground-truth mask "
                    + masks.resolve("ct.png")),
        cli.err.toString());
    assertEquals("", cli.out.toString());
  }

  /**
   * The reference's first pasted lesion mask of fixture slice {@code name}: run lengths over the
   * row-major pixels (expected.json's {@code rle_gt_0_5}), zeros first.
   */
  private static int[] referenceMaskRuns(String name) {
    for (JsonNode image : ReferenceFixture.expected().get("images")) {
      if (image.get("file").asText().equals(name)) {
        JsonNode counts =
            image.get("detections").get("mask").get("pasted").get(0).get("rle_gt_0_5");
        int[] c = new int[counts.size()];
        for (int i = 0; i < c.length; i++) {
          c[i] = counts.get(i).asInt();
        }
        return c;
      }
    }
    throw new IllegalStateException(name + " is not in the fixture's expected.json");
  }

  /** Sets columns x1..x2-1 of rows y1..y2-1 of a row-major 512-wide mask to {@code value}. */
  private static void fill(int[] mask, int x1, int y1, int x2, int y2, int value) {
    for (int y = y1; y < y2; y++) {
      for (int x = x1; x < x2; x++) {
        mask[y * 512 + x] = value;
      }
    }
  }

  /**
   * model.input.detection-test-min-size 640: the lesions are those of the slice read at 640 px
   * (long side bound 1280), the class that of the slice read at 512 px, as trained.
   */
  @Test
  @SlowTest
  void lesionsComeFromTheScaledSliceAndTheClassFromTheSliceAsTrained() throws Exception {
    Path fixture = ExportCommandTest.fixture();
    Path slice = fixture.resolve("public/covid.png");
    String weights = fixture.resolve("weights.safetensors").toString();
    JsonNode scaled =
        predictOne(
            slice,
            weights,
            "model.input.detection-test-min-size=640",
            "model.roi.score-threshold=0");
    JsonNode large =
        predictOne(
            slice,
            weights,
            "model.input.min-size=640",
            "model.input.max-size=1280",
            "model.roi.score-threshold=0");
    JsonNode asTrained = predictOne(slice, weights, "model.roi.score-threshold=0");

    assertTrue(scaled.get("lesions").size() > 0, scaled.toString());
    assertEquals(large.get("lesions"), scaled.get("lesions"));
    assertEquals(asTrained.get("probabilities"), scaled.get("probabilities"));
    assertEquals(asTrained.get("class"), scaled.get("class"));
    // the two sizes do see different pictures: the test would notice either pass being swapped
    assertFalse(asTrained.get("lesions").equals(large.get("lesions")));
    assertFalse(asTrained.get("probabilities").equals(large.get("probabilities")));
  }

  private static JsonNode predictOne(Path slice, String weights, String... settings) {
    List<String> args = new java.util.ArrayList<>(List.of("predict", "--weights", weights));
    for (String s : settings) {
      args.add("--set");
      args.add(s);
    }
    args.add(slice.toString());
    CliCapture cli = new CliCapture();
    int code = cli.run(args.toArray(String[]::new));
    assertEquals(0, code, cli.err.toString());
    return read(new ObjectMapper(), cli.out.toString().strip());
  }

  @Test
  void outputNamesOfSameNamedFilesAreMadeUnique() {
    assertEquals(
        List.of("slice", "slice_2", "other", "slice_3"),
        PredictCommand.outputNames(
            List.of(
                Path.of("a/slice.png"),
                Path.of("b/slice.png"),
                Path.of("other.jpg"),
                Path.of("slice.jpeg"))));
  }

  private static JsonNode read(ObjectMapper json, String line) {
    try {
      return json.readTree(line);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
