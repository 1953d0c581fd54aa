package ssm.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import ssm.settings.Variant;
import ssm.testing.SlowTest;

/**
 * The grid end to end at the smoke profile, on a two-variant grid file: a shared variant (with its
 * Stage I) and a scratch one are trained, evaluated and tabulated; a second run skips both.
 */
class GridCommandTest {
  @TempDir Path dir;

  private String run(String... args) {
    StringWriter out = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(new StringWriter()));
    assertEquals(0, cl.execute(args), out.toString());
    return out.toString();
  }

  @Test
  @SlowTest
  void smokeGridTrainsEvaluatesTabulatesAndSkipsWhatIsDone() throws Exception {
    Path grid = dir.resolve("two.conf");
    Files.writeString(grid, "grid { name = two, variants = [shared-r18-2, scratch-r18-2] }\n");
    String out =
        run(
            "grid",
            "--grid",
            grid.toString(),
            "--profile",
            "smoke",
            "--runs",
            dir.resolve("runs").toString());
    Path root = dir.resolve("runs/two-smoke");
    assertTrue(Files.exists(root.resolve("stage1-r18-2/weights.safetensors")), "Stage I ran");
    for (String v : List.of("shared-r18-2", "scratch-r18-2")) {
      assertTrue(Files.exists(root.resolve(v + "/metrics.json")), v + " evaluated");
      assertTrue(Files.exists(root.resolve(v + "/config.conf")), v + " config written");
      assertTrue(out.contains("| " + v + " | "), out);
    }
    assertTrue(Files.exists(root.resolve("tables/tables.md")));
    assertTrue(out.contains("**Table 3.**"), out);

    String again =
        run(
            "grid",
            "--grid",
            grid.toString(),
            "--profile",
            "smoke",
            "--runs",
            dir.resolve("runs").toString());
    assertEquals(2, again.split("done earlier", -1).length - 1, again);
  }

  @Test
  void shardsSplitTheGridRoundRobin() {
    List<Variant> all = Variant.all();
    assertEquals(List.of(all.get(1), all.get(5), all.get(9)), GridCommand.shardOf(all, "2/4"));
    assertEquals(all, GridCommand.shardOf(all, null));
    assertThrows(IllegalArgumentException.class, () -> GridCommand.shardOf(all, "5/4"));
    assertThrows(IllegalArgumentException.class, () -> GridCommand.shardOf(all, "two"));
  }
}
