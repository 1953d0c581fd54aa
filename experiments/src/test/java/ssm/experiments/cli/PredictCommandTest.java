package ssm.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import ssm.predict.PredictionCsv;
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
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    CommandLine cl = new CommandLine(new PredictCommand());
    cl.setOut(new PrintWriter(stdout));
    cl.setErr(new PrintWriter(stderr));

    int code =
        cl.execute(
            "--weights",
            fixture.resolve("weights.safetensors").toString(),
            "--out",
            out.toString(),
            slices.toString());

    assertEquals(1, code, stderr.toString());
    assertTrue(
        stderr.toString().contains("skipped " + slices.resolve("broken.png") + ": "),
        stderr.toString());
    assertTrue(
        stderr.toString().contains("1 of 3 images could not be predicted"), stderr.toString());
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> lines = stdout.toString().lines().map(l -> read(json, l)).toList();
    assertEquals(2, lines.size(), stdout.toString()); // sorted: broken (skipped), covid, cp
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
