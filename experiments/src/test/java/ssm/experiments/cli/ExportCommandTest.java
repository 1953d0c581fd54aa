package ssm.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import ssm.box.MaskPaster;
import ssm.data.ImageDecoder;
import ssm.data.Resizer;
import ssm.metrics.Rle;
import ssm.predict.Lesion;
import ssm.predict.Prediction;
import ssm.predict.Predictor;
import ssm.settings.Settings;
import ssm.settings.SettingsLoader;
import ssm.settings.Variant;
import ssm.testing.ReferenceFixture;
import ssm.testing.SlowTest;
import ssm.wiring.ModelWiring;

/**
 * {@code ssm export} against {@code ssm predict}: a SavedModel of the reference-parity weights,
 * loaded in ANOTHER JVM ({@link SavedModelProbe}), gives the Predictor's outputs on a fixture
 * slice.
 */
class ExportCommandTest {
  @TempDir Path dir;

  static Path fixture() {
    return ReferenceFixture.dir(); // a missing fixture fails the test
  }

  @Test
  @SlowTest
  void savedModelLoadedInAnotherJvmGivesThePredictorsOutputs() throws Exception {
    Path weights = fixture().resolve("weights.safetensors");
    Path image = fixture().resolve("public/covid.png"); // 512 x 512: 5 lesions, no resize
    Path export = dir.resolve("saved");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new ExportCommand());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    assertEquals(
        0, cl.execute("--weights", weights.toString(), "--out", export.toString()), err.toString());
    System.out.print("ssm export: " + out);
    assertTrue(Files.isRegularFile(export.resolve("saved_model.pb")));
    assertTrue(Files.isRegularFile(export.resolve("variables/variables.index")));
    assertTrue(Files.readString(export.resolve("README.txt")).contains("serving_default"));

    JsonNode served = runProbe(export, image);
    System.out.printf(
        "SavedModel in a new JVM: first run %.0f ms, second %.0f ms%n",
        served.get("run_0_ms").asDouble(), served.get("run_1_ms").asDouble());

    Settings settings = new SettingsLoader().load(null, List.of(), List.of());
    Prediction p;
    try (Predictor predictor =
        new Predictor(ModelWiring.model(Variant.of(settings), settings), weights)) {
      p = predictor.predict(Resizer.defaults().resize(ImageDecoder.decode(image)), false);
    }
    assertArrayEquals(p.classLogits(), floats(served, "class_logits"), 1e-5f);
    assertArrayEquals(p.classProbabilities(), floats(served, "class_probabilities"), 1e-6f);
    int d = p.lesions().size();
    assertTrue(d > 0, "the fixture slice should have lesions");
    assertEquals(List.of(d, 4), shape(served, "boxes"));
    assertEquals(List.of(d, 28, 28), shape(served, "mask_probabilities"));
    float[] boxes = floats(served, "boxes");
    float[] scores = floats(served, "scores");
    float[] masks = floats(served, "mask_probabilities");
    for (int i = 0; i < d; i++) {
      Lesion l = p.lesions().get(i);
      float[] box = Arrays.copyOfRange(boxes, 4 * i, 4 * i + 4);
      assertArrayEquals(l.box(), box, 1e-4f, "box " + i);
      assertEquals(l.score(), scores[i], 1e-6f, "score " + i);
      // README.txt's pasting recipe, in Java: the same RLE mask as ssm predict
      float[] pasted =
          MaskPaster.paste(
                  Arrays.copyOfRange(masks, i * 784, (i + 1) * 784), 28, box, p.height(), p.width())
              .mask();
      assertEquals(
          l.mask(), Rle.fromProbabilities(pasted, p.height(), p.width(), 0.5f), "mask " + i);
    }
  }

  @Test
  void aNonEmptyFolderIsRefused() throws Exception {
    Files.writeString(dir.resolve("keep.txt"), "mine");
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setErr(new PrintWriter(err));
    int code =
        cl.execute("export", "--weights", "/nonexistent.safetensors", "--out", dir.toString());
    assertEquals(1, code);
    assertTrue(err.toString().contains(dir + " is not empty"), err.toString());
    assertEquals("mine", Files.readString(dir.resolve("keep.txt")));
  }

  /** Runs {@link SavedModelProbe} in a new JVM with this test's class path. */
  private JsonNode runProbe(Path export, Path image) throws Exception {
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path result = dir.resolve("served.json");
    Path log = dir.resolve("probe.log");
    Process process =
        new ProcessBuilder(
                java.toString(),
                "-Xmx2g",
                "-cp",
                classPath,
                SavedModelProbe.class.getName(),
                export.toString(),
                image.toString(),
                result.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    boolean done = process.waitFor(5, TimeUnit.MINUTES);
    if (!done) {
      process.destroyForcibly();
    }
    assertTrue(
        done && process.exitValue() == 0,
        "probe failed ("
            + (done ? "exit " + process.exitValue() : "timeout")
            + "):\n"
            + Files.readString(log));
    return new ObjectMapper().readTree(result.toFile());
  }

  private static float[] floats(JsonNode served, String output) {
    JsonNode values = served.get(output).get("values");
    float[] f = new float[values.size()];
    for (int i = 0; i < f.length; i++) {
      f[i] = values.get(i).floatValue();
    }
    return f;
  }

  private static List<Integer> shape(JsonNode served, String output) {
    return java.util.stream.StreamSupport.stream(
            served.get(output).get("shape").spliterator(), false)
        .map(JsonNode::asInt)
        .toList();
  }
}
