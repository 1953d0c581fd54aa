package ssm.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import ssm.experiments.run.DataCheck;

/** {@code ssm data check}: a wrong path fails at once, with one message and the layout. */
class DataCheckCommandTest {
  @TempDir Path dir;
  private final CliCapture cli = new CliCapture();

  @Test
  @Timeout(60)
  void theSyntheticDataOpensSetBySet() {
    assertEquals(
        0,
        cli.run("data", "check", "--profile", "smoke", "--runs", dir.toString()),
        cli.err.toString());
    assertEquals("data OK", cli.out.toString().strip());
    // smoke: 10 segmentation slices (8 train, 2 test), 15 classification (9, 3, 3)
    assertTrue(
        cli.err
            .toString()
            .matches("(?s).*data: segmentation train +8 slices .*\\(collections: seg 8\\)\n.*"),
        cli.err.toString());
    assertTrue(
        cli.err
            .toString()
            .matches("(?s).*data: classification test +3 slices .*\\(collections: cls 3\\)\n.*"),
        cli.err.toString());
  }

  @Test
  void aMisspeltSegDataFolderIsNamedWithTheExpectedLayout() {
    Path missing = dir.resolve("cncb-ncvo");
    assertEquals(1, cli.run("data", "check", "--seg-data", missing.toString()));
    assertEquals(
        "error: --seg-data "
            + missing
            + ": no such folder; expected "
            + DataCheck.SEG_LAYOUT
            + " (docs/how-to/paper-data.md)",
        cli.err.toString().strip());
  }

  @Test
  void aSegDataFolderOfAnotherLayoutListsWhatItHolds() throws Exception {
    Path cncb = Files.createDirectories(dir.resolve("cncb"));
    Files.createDirectories(cncb.resolve("ct_lesion_seg"));
    assertEquals(1, cli.run("data", "check", "--seg-data", cncb.toString()));
    assertTrue(
        cli.err.toString().contains("has neither train/ nor images/ (it holds ct_lesion_seg/)"),
        cli.err.toString());
    assertFalse(cli.err.toString().contains("\tat "), cli.err.toString());
  }

  @Test
  void aFolderGivenAsClsDataIsRefused() {
    assertEquals(1, cli.run("data", "check", "--cls-data", dir.toString()));
    assertTrue(
        cli.err.toString().contains("--cls-data " + dir + " is a folder"), cli.err.toString());
  }

  @Test
  void aSplitLineNamingAMissingImageIsNamed() throws Exception {
    Path covidx = Files.createDirectories(dir.resolve("covidx"));
    Files.createDirectories(covidx.resolve("2A_images"));
    Files.writeString(covidx.resolve("train_COVIDx_CT-2A.txt"), "gone.png 2 0 0 10 10\n");
    assertEquals(
        1,
        cli.run(
            "data",
            "check",
            "--cls-data",
            covidx.resolve("train_COVIDx_CT-2A.txt").toString(),
            "--profile",
            "smoke",
            "--runs",
            dir.toString()));
    assertTrue(cli.err.toString().contains("train_COVIDx_CT-2A.txt:1: image "), cli.err.toString());
    assertTrue(cli.err.toString().contains("does not exist"), cli.err.toString());
  }
}
