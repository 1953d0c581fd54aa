package ssm.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import ssm.data.DataException;
import ssm.settings.SettingsLoader;
import ssm.testing.SlowTest;

/** Mistakes a newcomer makes end with one {@code error:} line, never a stack trace. */
class NamedErrorsTest {
  @TempDir Path dir;
  private final CliCapture cli = new CliCapture();

  @Test
  void helpPrintsNoPicocliWarning() {
    assertEquals(0, cli.run("--help"));
    assertTrue(cli.out.toString().contains("20% faster inference"), cli.out.toString());
    assertFalse(cli.err.toString().contains("WARN"), cli.err.toString());
  }

  @Test
  @Timeout(120)
  void trainWithAMissingSegDataFolderNamesIt() {
    Path missing = dir.resolve("cncb");
    assertEquals(
        1,
        cli.run(
            "train",
            "--profile",
            "smoke",
            "--runs",
            dir.toString(),
            "--seg-data",
            missing.toString(),
            "--out",
            dir.resolve("run").toString()));
    assertTrue(cli.err.toString().startsWith("error: "), cli.err.toString());
    assertTrue(cli.err.toString().contains(missing.toString()), cli.err.toString());
    assertFalse(cli.err.toString().contains("\tat "), cli.err.toString());
  }

  @Test
  @Timeout(120)
  void aValidationCollectionTheDataDoesNotHoldIsNamedBeforeTraining() {
    assertEquals(
        1,
        cli.run(
            "train",
            "--profile",
            "smoke",
            "--runs",
            dir.toString(),
            "--set",
            "data.validation-collections=[mosmed]",
            "--out",
            dir.resolve("run").toString()));
    assertTrue(
        cli.err
            .toString()
            .contains(
                "error: data.validation-collections names [mosmed], which the training data does"
                    + " not hold; its collections are [cls, seg]"),
        cli.err.toString());
    assertFalse(cli.err.toString().contains("\tat "), cli.err.toString());
  }

  @Test
  void aCorruptSliceFoundWhileTrainingIsNamedThoughWrapped() {
    // the prefetcher hands a decoding failure over wrapped, as an ExecutionException's cause
    Exception wrapped =
        new RuntimeException(
            new ExecutionException(
                new DataException("cls/images/2_0007.png", "not a PNG or JPEG image")));
    CommandLine cl = Main.commandLine();
    cl.setErr(new PrintWriter(cli.err, true));
    int code = new ErrorHandler().handleExecutionException(wrapped, cl, null);
    assertEquals(Main.EXIT_FAILURE, code);
    assertEquals(
        "error: cls/images/2_0007.png: not a PNG or JPEG image", cli.err.toString().strip());
  }

  @Test
  void aBugStillPrintsItsStackTrace() {
    CommandLine cl = Main.commandLine();
    cl.setErr(new PrintWriter(cli.err, true));
    new ErrorHandler().handleExecutionException(new IllegalStateException("bug"), cl, null);
    assertTrue(cli.err.toString().contains("\tat "), cli.err.toString());
  }

  /**
   * eval of weights that sit in a run folder uses the run's settings (its config.conf, here the
   * smoke profile's) and leaves the run's metrics.json alone unless asked.
   */
  @Test
  @Timeout(300)
  @SlowTest
  void evalUsesTheRunsSettingsAndKeepsItsMetrics() throws Exception {
    Path run = Files.createDirectories(dir.resolve("run"));
    Path weights = run.resolve("weights.safetensors");
    Files.copy(ExportCommandTest.fixture().resolve("weights.safetensors"), weights);
    new SettingsLoader()
        .load("scratch-r18-3", "smoke", java.util.List.of(), java.util.List.of())
        .writeTo(run);
    Files.writeString(run.resolve("metrics.json"), "{\"the run's own\": 1}\n");

    assertEquals(
        0,
        cli.run("eval", "--weights", weights.toString(), "--runs", dir.toString(), "--limit", "1"),
        cli.err.toString());

    String printed = cli.err.toString();
    assertTrue(printed.contains("settings: " + run.resolve("config.conf")), printed);
    assertTrue(printed.contains("96 px"), "the smoke profile's data: " + printed);
    assertTrue(cli.err.toString().contains("metrics.json not written"), cli.err.toString());
    assertEquals("{\"the run's own\": 1}\n", Files.readString(run.resolve("metrics.json")));
  }
}
