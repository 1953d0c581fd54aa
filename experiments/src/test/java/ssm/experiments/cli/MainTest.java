package ssm.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {
  private final CliCapture cli = new CliCapture();

  @Test
  void helpListsTheCommands() {
    assertEquals(0, cli.run("--help"));
    assertTrue(cli.out.toString().startsWith("Usage: ssm"), cli.out.toString());
    assertTrue(cli.out.toString().contains("config"));
    assertTrue(cli.out.toString().contains("variants"));
    assertTrue(cli.out.toString().contains("TF_CPP_MIN_LOG_LEVEL"));
  }

  /** picocli formats descriptions with String.format: a bare '%' prints a warning and raw text. */
  @Test
  void everyDescriptionIsAValidFormat() {
    ArrayDeque<CommandLine> todo = new ArrayDeque<>();
    todo.add(Main.commandLine());
    while (!todo.isEmpty()) {
      CommandLine c = todo.pop();
      todo.addAll(c.getSubcommands().values());
      for (String line : c.getCommandSpec().usageMessage().description()) {
        assertDoesNotThrow(
            () -> String.format(line), c.getCommandSpec().qualifiedName() + ": " + line);
      }
    }
  }

  @Test
  void versionNamesTensorFlowJava() {
    assertEquals(0, cli.run("--version"));
    assertTrue(cli.out.toString().contains("TensorFlow Java 1.0.0"), cli.out.toString());
  }

  @Test
  void unknownSubcommandIsAUsageError() {
    assertEquals(2, cli.run("bogus"));
    assertTrue(cli.err.toString().contains("bogus"), cli.err.toString());
  }

  @Test
  void noCommandIsAUsageError() {
    assertEquals(2, cli.run());
    assertTrue(cli.err.toString().contains("Missing command"), cli.err.toString());
  }

  @Test
  void variantsPrintsTwelveRows() {
    assertEquals(0, cli.run("variants"));
    assertEquals(2 + 12, cli.out.toString().lines().count());
    assertTrue(
        cli.out
            .toString()
            .contains("| scratch-r18-3 | SSM-S R18** | ResNet18 | 3 | scratch | 2 |"));
  }

  @Test
  void configPrintsTheResolvedSettings() {
    assertEquals(0, cli.run("config", "--variant", "frozen-r34-2", "--set", "training.epochs=7"));
    assertTrue(
        cli.out.toString().contains("\"epochs\" : 7")
            || cli.out.toString().contains("epochs=7")
            || cli.out.toString().contains("epochs = 7"),
        cli.out.toString());
  }

  @Test
  void settingsErrorIsOneCleanLineWithExitCode2() {
    assertEquals(2, cli.run("config", "--set", "training.learnig-rate=1"));
    assertEquals(
        "error: training.learnig-rate at --set training.learnig-rate=1 is not a setting; "
            + "did you mean training.learning-rate?\n",
        cli.err.toString().replace("\r\n", "\n"));
  }

  @Test
  void unknownVariantListsAllTwelve() {
    assertEquals(2, cli.run("config", "--variant", "scratch-r50-3"));
    assertTrue(cli.err.toString().startsWith("error: --variant scratch-r50-3: unknown variant"));
    assertTrue(cli.err.toString().contains("shared-r18-2"));
    assertFalse(cli.err.toString().contains("\tat "), "no stack trace without --verbose");
  }

  @Test
  void verbosePrintsTheStackTrace() {
    assertEquals(2, cli.run("config", "--verbose", "--set", "training.epochs=-1"));
    assertTrue(cli.err.toString().contains("\tat "), cli.err.toString());
    assertTrue(
        cli.err
            .toString()
            .contains(
                "error: --set training.epochs=-1: training.epochs = -1 must "
                    + "be >= 0 (0: Stage I only)"),
        cli.err.toString());
  }
}
