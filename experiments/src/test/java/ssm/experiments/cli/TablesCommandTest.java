package ssm.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import ssm.experiments.tables.PaperResults;
import ssm.settings.Variant;

class TablesCommandTest {
  @Test
  void writesMarkdownAndCsvAndPrintsTheTables(@TempDir Path dir) throws Exception {
    // every variant evaluated, with its parameter count in metrics.json (no graph is built)
    int i = 0;
    for (Variant v : Variant.all()) {
      Path f = dir.resolve("grid/" + v.name() + "/metrics.json");
      Files.createDirectories(f.getParent());
      double ap = 0.01 * ++i;
      Files.writeString(
          f,
          String.format(
              "{\"schema\": \"ssm-metrics/1\", \"variant\": \"%s\","
                  + " \"dataset\": \"synthetic (built-in generator, seed 1, 512 px): seg/test\","
                  + " \"segmentation\": {\"paper\": {\"ap50\": %s, \"ap75\": %s, \"ap\": %s}},"
                  + " \"classification\": null, \"parameters\": {\"total\": %d}}",
              v.name(), ap, ap, ap, PaperResults.parameters(v).exact()));
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    assertEquals(0, cl.execute("tables", dir.toString()), err.toString());
    for (String name :
        new String[] {
          "tables.md",
          "table1-parameters.md",
          "table1-parameters.csv",
          "table2-segmentation.md",
          "table2-segmentation.csv",
          "table3-classification.md",
          "table3-classification.csv"
        }) {
      assertTrue(Files.isRegularFile(dir.resolve("tables").resolve(name)), name);
    }
    String printed = out.toString();
    assertTrue(printed.contains("**Table 1.**") && printed.contains("**Table 3.**"), printed);
    // the last variant has the highest AP: rank 1
    assertTrue(printed.contains("| 1 | scratch-r34-3 | SSM-S R34** | 0.1200 | 0.5152 |"), printed);
    assertTrue(err.toString().contains("12 evaluated variant(s)"), err.toString());
  }
}
