package ssm.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void helpListsTheCommands() {
    assertEquals(0, run("--help"));
    assertTrue(out.toString().startsWith("Usage: ssm"), out.toString());
    assertTrue(out.toString().contains("config"));
    assertTrue(out.toString().contains("variants"));
    assertTrue(out.toString().contains("TF_CPP_MIN_LOG_LEVEL"));
  }

  @Test
  void versionNamesTensorFlowJava() {
    assertEquals(0, run("--version"));
    assertTrue(out.toString().contains("TensorFlow Java 1.0.0"), out.toString());
  }

  @Test
  void unknownSubcommandIsAUsageError() {
    assertEquals(2, run("bogus"));
    assertTrue(err.toString().contains("bogus"), err.toString());
  }

  @Test
  void noCommandIsAUsageError() {
    assertEquals(2, run());
    assertTrue(err.toString().contains("Missing command"), err.toString());
  }

  @Test
  void variantsPrintsTwelveRows() {
    assertEquals(0, run("variants"));
    assertEquals(2 + 12, out.toString().lines().count());
    assertTrue(out.toString().contains("| scratch-r18-3 | SSM-S R18** | ResNet18 | 3 | scratch | 2 |"));
  }

  @Test
  void configPrintsTheResolvedSettings() {
    assertEquals(0, run("config", "--variant", "frozen-r34-2", "--set", "training.epochs=7"));
    assertTrue(out.toString().contains("\"epochs\" : 7") || out.toString().contains("epochs=7")
        || out.toString().contains("epochs = 7"), out.toString());
  }

  @Test
  void settingsErrorIsOneCleanLineWithExitCode2() {
    assertEquals(2, run("config", "--set", "training.learnig-rate=1"));
    assertEquals("error: training.learnig-rate at --set training.learnig-rate=1 is not a setting; "
        + "did you mean training.learning-rate?\n", err.toString().replace("\r\n", "\n"));
  }

  @Test
  void unknownVariantListsAllTwelve() {
    assertEquals(2, run("config", "--variant", "scratch-r50-3"));
    assertTrue(err.toString().startsWith("error: --variant scratch-r50-3: unknown variant"));
    assertTrue(err.toString().contains("shared-r18-2"));
    assertFalse(err.toString().contains("\tat "), "no stack trace without --verbose");
  }

  @Test
  void verbosePrintsTheStackTrace() {
    assertEquals(2, run("config", "--verbose", "--set", "training.epochs=-1"));
    assertTrue(err.toString().contains("\tat "), err.toString());
    assertTrue(err.toString().contains("error: --set training.epochs=-1: training.epochs = -1 must "
        + "be >= 0 (0: Stage I only)"), err.toString());
  }
}
