package ssm.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssm.report.MetricsReports;
import ssm.run.Provenance;
import ssm.run.RunFolder;

/** {@code ssm results}: a grid's section of RESULTS.md from hand-made runs; no model runs. */
class ResultsCommandTest {
  @TempDir Path dir;

  private Path grid() {
    Path grid = dir.resolve("paper-demo");
    MetricsReports.write(
        new RunFolder(grid.resolve("scratch-r18-3")).metrics(),
        ssm.experiments.tables.ResultsSectionTest.report("scratch-r18-3", 0.662, 0.8056, 0.725));
    Provenance.Record r =
        RunProvenance.record("./ssm grid").finished("2026-12-07T05:00:00Z", 90.0, 0);
    new Provenance(Provenance.SCHEMA, java.util.List.of(r)).write(new RunFolder(grid).provenance());
    return grid;
  }

  @Test
  void printsTheSection() {
    CliCapture cli = new CliCapture();
    assertEquals(0, cli.run("results", grid().toString()), cli.err.toString());
    String out = cli.out.toString();
    assertTrue(out.contains("<!-- results:demo-grid:begin -->"), out);
    assertTrue(out.contains("| command | `./ssm grid` |"), out);
    assertTrue(out.contains("| scratch-r18-3 | 0.662 [0.562, 0.762] |"), out);
    assertTrue(out.contains("<!-- written by ./ssm results " + grid() + "; "), out);
  }

  @Test
  void replacesOnlyTheSectionOfTheFile() throws Exception {
    Path results = dir.resolve("RESULTS.md");
    Files.writeString(
        results,
        "# Results\n\ntyped\n\n<!-- results:demo-grid:begin -->\nold\n"
            + "<!-- results:demo-grid:end -->\n\nalso typed\n");
    CliCapture cli = new CliCapture();
    assertEquals(
        0, cli.run("results", grid().toString(), "--out", results.toString()), cli.err.toString());
    String text = Files.readString(results);
    assertTrue(text.startsWith("# Results\n\ntyped\n\n<!-- results:demo-grid:begin -->\n"), text);
    assertTrue(text.endsWith("<!-- results:demo-grid:end -->\n\nalso typed\n"), text);
    assertTrue(!text.contains("\nold\n"), text);
    assertTrue(text.contains("| scratch-r18-3 |"), text);
  }

  @Test
  void refusesAFileWithoutTheMarkersAndChangesNothing() throws Exception {
    Path results = dir.resolve("RESULTS.md");
    Files.writeString(results, "# Results\n");
    CliCapture cli = new CliCapture();
    assertEquals(2, cli.run("results", grid().toString(), "--out", results.toString()));
    assertTrue(cli.err.toString().contains("results:demo-grid:begin"), cli.err.toString());
    assertEquals("# Results\n", Files.readString(results));
  }

  @Test
  void refusesAFolderWithoutRuns() {
    CliCapture cli = new CliCapture();
    assertEquals(2, cli.run("results", dir.toString()));
    assertTrue(cli.err.toString().contains("no run folder holds metrics.json"), cli.err.toString());
  }

  @Test
  void aGridGivesEachRunItsOwnRecordOfTheGridsCommand() throws Exception {
    RunProvenance grid = RunProvenance.begin(Main.commandLine().getCommandSpec());
    var listener = grid.into(dir).perRun();
    Path run = dir.resolve("scratch-r18-3");
    listener.started(run);
    listener.ended(run, 0);
    listener.ended(dir.resolve("never-started"), 1); // a job that failed before it started
    grid.finish(0);
    Provenance.Record r = Provenance.read(new RunFolder(run).provenance()).last().orElseThrow();
    assertEquals(Integer.valueOf(0), r.exitCode());
    assertTrue(r.wallSeconds() != null && r.ended() != null, r.toString());
    assertEquals(
        Provenance.read(new RunFolder(dir).provenance()).last().orElseThrow().command(),
        r.command());
    assertTrue(!Files.exists(dir.resolve("never-started")));
  }

  @Test
  void quotesArgumentsAsAShellWould() {
    assertEquals("runs/paper-demo", RunProvenance.quoted("runs/paper-demo"));
    assertEquals("'a b'", RunProvenance.quoted("a b"));
    assertEquals("'it'\\''s'", RunProvenance.quoted("it's"));
  }
}
