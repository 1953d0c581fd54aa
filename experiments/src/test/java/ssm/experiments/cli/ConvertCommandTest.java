package ssm.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import ssm.io.Safetensors;
import ssm.io.pth.PthCheckpoint;
import ssm.io.pth.PthReader;
import ssm.testing.SlowTest;

/** {@code ssm convert} and {@code ssm predict} on the author's checkpoints. */
class ConvertCommandTest {
  private static final String MARKER = "pickle-ran-a-command.txt";
  @TempDir Path dir;
  private final StringWriter stdout = new StringWriter();
  private final StringWriter stderr = new StringWriter();

  static Path authorCheckpoint(String name) {
    Path f =
        Path.of(System.getProperty("ssm.fixtures", "../fixtures"), "author-checkpoint", name)
            .toAbsolutePath()
            .normalize();
    if (!Files.isRegularFile(f)) {
      throw new IllegalStateException(
          "author-checkpoint fixture file "
              + f
              + " is missing (it is"
              + " part of the repository: fixtures/author-checkpoint)");
    }
    return f;
  }

  /** Runs {@code ssm <args>} as the launcher does (error handler included). */
  private int run(String... args) {
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(stdout));
    cl.setErr(new PrintWriter(stderr));
    return cl.execute(args);
  }

  @Test
  void legacyCheckpointBecomesSafetensorsAndSaysWhatItHolds() throws Exception {
    Path in = authorCheckpoint("modelA-legacy.pth");
    Path out = dir.resolve("modelA.safetensors");

    int code = run("convert", in.toString(), out.toString());

    assertEquals(0, code, stderr.toString());
    String report = stdout.toString();
    for (String line :
        List.of(
            "torch legacy checkpoint",
            "epoch 49, lrate 1.0E-5",
            "model_weights: 128 tensors (113 float32, 15 int64 num_batches_tracked)",
            "fits scratch-r18-3 (ResNet18, 3 stages, two RoI branches",
            "anchor_generator: sizes ((2, 4, 8, 16, 32),) aspect_ratios ((0.1, 0.25, 0.5, 1.0, 1.5,"
                + " 2.0),), as model.anchors of scratch-r18-3",
            "optimizer_state: 12 tensors, skipped",
            "113 float32 tensors")) {
      assertTrue(report.contains(line), line + " not in:\n" + report);
    }
    PthCheckpoint c = PthReader.read(in);
    Map<String, Safetensors.Entry> written = Safetensors.read(out);
    assertEquals(113, written.size());
    written.forEach((n, e) -> assertArrayEquals(c.modelWeights().get(n).floats(), e.data(), 0f, n));
  }

  @Test
  @SlowTest
  void safetensorsBecomeTheAuthorsLayoutAndReadBackBitEqual() throws Exception {
    Path in =
        Path.of(
            System.getProperty("ssm.fixtures", "../fixtures"),
            "reference-parity",
            "weights.safetensors");
    Path out = dir.resolve("ours.pth");

    int code = run("convert", in.toString(), out.toString(), "--epoch", "3", "--lrate", "2e-4");

    assertEquals(0, code, stderr.toString());
    PthCheckpoint c = PthReader.read(out);
    assertEquals("3", c.epoch().orElseThrow());
    assertEquals(2e-4, c.lrate().orElseThrow(), 0);
    assertTrue(
        c.anchors()
            .orElseThrow()
            .matches(new int[] {2, 4, 8, 16, 32}, new float[] {0.1f, 0.25f, 0.5f, 1, 1.5f, 2}));
    Map<String, Safetensors.Entry> ref = Safetensors.read(in);
    assertEquals(ref.size() + 15, c.modelWeights().size()); // + num_batches_tracked
    ref.forEach(
        (n, e) -> {
          float[] got = c.modelWeights().get(n).floats();
          for (int i = 0; i < got.length; i++) {
            assertEquals(Float.floatToRawIntBits(e.data()[i]), Float.floatToRawIntBits(got[i]), n);
          }
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"malicious-zip.pth", "malicious-legacy.pth"})
  void maliciousCheckpointIsRefusedWithNothingRunAndNothingWritten(String name) throws Exception {
    Path out = dir.resolve("out.safetensors");
    Path cwdMarker = Path.of(MARKER).toAbsolutePath();
    assertFalse(Files.exists(cwdMarker), "left over from an earlier run: " + cwdMarker);

    int code = run("convert", authorCheckpoint(name).toString(), out.toString());

    assertEquals(1, code);
    assertTrue(stderr.toString().contains("refusing to call posix.system"), stderr.toString());
    assertFalse(Files.exists(cwdMarker), "the pickle ran: " + cwdMarker);
    try (var files = Files.list(dir)) {
      assertEquals(List.of(), files.toList(), "no output, no marker, no temporary file");
    }
  }

  @Test
  void anchorsOtherThanTheSettingsAreAnErrorNamingBoth() throws Exception {
    Path out = dir.resolve("out.safetensors");

    int code =
        run(
            "convert",
            authorCheckpoint("modelA-zip.pth").toString(),
            out.toString(),
            "--set",
            "model.anchors.aspect-ratios=[0.5, 1.0, 2.0]");

    assertEquals(1, code, stdout.toString());
    String err = stderr.toString();
    assertTrue(err.contains("aspect_ratios ((0.1, 0.25, 0.5, 1.0, 1.5, 2.0),)"), err);
    assertTrue(err.contains("model.anchors.aspect-ratios = [0.5, 1.0, 2.0]"), err);
    assertFalse(Files.exists(out));
  }

  @Test
  @SlowTest
  void predictFromTheLegacyCheckpointMatchesTheReference() throws Exception {
    Path fixture =
        Path.of(System.getProperty("ssm.fixtures", "../fixtures"), "reference-parity")
            .toAbsolutePath()
            .normalize();
    JsonNode expected =
        new ObjectMapper().readTree(fixture.resolve("public/expected.json").toFile());
    Path slices = Files.createDirectories(dir.resolve("slices"));
    for (JsonNode img : expected.path("images")) {
      String file = img.path("file").asText();
      Files.copy(fixture.resolve("public").resolve(file), slices.resolve(file));
    }

    int code =
        run(
            "predict",
            "--weights",
            authorCheckpoint("modelA-legacy.pth").toString(),
            "--debug",
            "--out",
            dir.resolve("out").toString(),
            slices.toString());

    assertEquals(0, code, stderr.toString());
    ObjectMapper json = new ObjectMapper();
    Map<String, JsonNode> byFile = new HashMap<>();
    for (String line : stdout.toString().lines().toList()) {
      JsonNode n = json.readTree(line);
      byFile.put(Path.of(n.path("file").asText()).getFileName().toString(), n);
    }
    assertEquals(3, byFile.size());
    // The fixture's tolerances (ReferenceParityTest): S logits 1e-3, proposal logits in order
    // 1e-4, proposals as a set 1e-3 px, RoI batch 1e-4.
    for (JsonNode ref : expected.path("images")) {
      String file = ref.path("file").asText();
      JsonNode got = byFile.get(file);
      assertClose(ref.path("s_logits"), got.path("logits"), 1e-3, file + " S logits");
      assertClose(
          ref.path("rpn").path("proposal_logits"),
          got.path("debug").path("proposal_logits"),
          1e-4,
          file + " proposal logits");
      assertClose(
          ref.path("classifier_branch").path("roi_batch"),
          got.path("debug").path("roi_batch"),
          1e-4,
          file + " RoI batch");
      JsonNode proposals = got.path("debug").path("proposals");
      assertEquals(ref.path("rpn").path("proposals").size(), proposals.size(), file);
      for (JsonNode box : ref.path("rpn").path("proposals")) {
        boolean found = false;
        for (int i = 0; i < proposals.size() && !found; i++) {
          found = maxDifference(box, proposals.get(i)) <= 1e-3;
        }
        assertTrue(found, file + ": reference proposal " + box + " is missing");
      }
    }
  }

  private static void assertClose(
      JsonNode expected, JsonNode actual, double tolerance, String what) {
    assertEquals(expected.size(), actual.size(), what + ": length");
    double max = 0;
    for (int i = 0; i < expected.size(); i++) {
      max =
          Math.max(
              max,
              expected.get(i).isArray()
                  ? maxDifference(expected.get(i), actual.get(i))
                  : Math.abs(expected.get(i).asDouble() - actual.get(i).asDouble()));
    }
    assertTrue(max <= tolerance, what + ": max difference " + max + " > " + tolerance);
  }

  private static double maxDifference(JsonNode a, JsonNode b) {
    double max = 0;
    for (int k = 0; k < a.size(); k++) {
      max = Math.max(max, Math.abs(a.get(k).asDouble() - b.get(k).asDouble()));
    }
    return max;
  }
}
