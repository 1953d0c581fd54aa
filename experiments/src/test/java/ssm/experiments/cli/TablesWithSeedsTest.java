package ssm.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import ssm.eval.ClassifiedSlice;
import ssm.experiments.tables.PaperResults;
import ssm.settings.Variant;
import ssm.slices.SliceResults;
import ssm.slices.SliceResultsFile;

class TablesWithSeedsTest {
  static void metrics(Path dir, String folder, Variant v, double ap) throws Exception {
    Path f = dir.resolve(folder).resolve("metrics.json");
    Files.createDirectories(f.getParent());
    Files.writeString(
        f,
        String.format(
            "{\"schema\": \"ssm-metrics/1\", \"variant\": \"%s\","
                + " \"dataset\": \"synthetic (built-in generator, seed 1, 512 px): seg/test\","
                + " \"segmentation\": {\"paper\": {\"ap50\": %s, \"ap75\": %s, \"ap\": %s}},"
                + " \"classification\": null, \"parameters\": {\"total\": %d}}",
            v.name(), ap, ap, ap, PaperResults.parameters(v).exact()));
  }

  /** 10 classification slices, all right or all wrong, the same probabilities in every run. */
  static void slices(Path dir, String folder, boolean right) {
    List<ClassifiedSlice> cls = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      int truth = i % 2 == 0 ? 2 : 0;
      double covid = 0.1 * i;
      cls.add(
          new ClassifiedSlice(
              "c" + i + ".png", truth, right ? truth : 1, new double[] {1 - covid, 0, covid}));
    }
    SliceResultsFile.write(
        dir.resolve(folder).resolve(SliceResultsFile.FILE_NAME),
        new SliceResults(SliceResults.FORMAT, List.of("Normal", "CP", "COVID-19"), List.of(), cls));
  }

  private static String run(Path dir, StringWriter err) {
    StringWriter out = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    assertEquals(0, cl.execute("tables", dir.toString()), err.toString());
    return out.toString();
  }

  @Test
  void seedsAndMarksFollowTablesOneToFour(@TempDir Path dir) throws Exception {
    for (Variant v : Variant.all()) {
      metrics(dir, v.name(), v, 0.2);
    }
    Variant scratch = Variant.parse("scratch-r18-3");
    metrics(dir, "scratch-r18-3-s2", scratch, 0.4); // seed 2: Table 5 only
    slices(dir, "scratch-r18-3", true);
    slices(dir, "scratch-r18-3-s2", true);
    slices(dir, "shared-r18-2", false);
    StringWriter err = new StringWriter();
    String out = run(dir, err);
    assertFalse(err.toString().contains("appears twice"), err.toString());
    int table4 = out.indexOf("**Table 4** (not in the paper)");
    int table5 = out.indexOf("**Table 5.**");
    int marks = out.indexOf("**Significance.**");
    assertTrue(table4 >= 0 && table5 > table4 && marks > table5, out);
    // Table 2 shows seed 1 (AP 0.2 for every variant); Table 5 both seeds: mean 0.3, sd 0.1414
    assertTrue(out.contains("| scratch-r18-3 | 2 | ?, ? | 0.200, 0.400 | 0.300 ± 0.141 |"), out);
    // scratch's two seeds right on all 10 slices, shared wrong on all: the seed-averaged bootstrap
    // gives -1 on every draw, p = 2 / 2001
    assertTrue(
        out.contains(
            "| accuracy | scratch-r18-3 | 1.000 | shared-r18-2 | 0.000 | -1.000 | [-1.000, -1.000]"
                + " | < 0.001 | < 0.001 | * |"),
        out);
    // the same probabilities in both: no slice differs, the AUC cannot separate them
    assertTrue(out.contains("| n/s: cannot separate: the runs' seeds differ on 0 of 10"), out);
    assertTrue(Files.isRegularFile(dir.resolve("tables/table5-seeds.csv")));
    assertTrue(Files.isRegularFile(dir.resolve("tables/significance.md")));
  }

  @Test
  void runsOnOtherSlicesLeaveTheMarksOutWithAWarning(@TempDir Path dir) throws Exception {
    for (Variant v : Variant.all()) {
      metrics(dir, v.name(), v, 0.2);
    }
    slices(dir, "scratch-r18-3", true);
    SliceResultsFile.write(
        dir.resolve("shared-r18-2").resolve(SliceResultsFile.FILE_NAME),
        new SliceResults(
            SliceResults.FORMAT,
            List.of("Normal", "CP", "COVID-19"),
            List.of(),
            List.of(new ClassifiedSlice("other.png", 0, 0, new double[] {1, 0, 0}))));
    StringWriter err = new StringWriter();
    String out = run(dir, err);
    assertFalse(out.contains("**Significance.**"), out);
    assertTrue(
        err.toString().contains("warning: no significance table: ")
            && err.toString().contains("were not evaluated on the same classification slices"),
        err.toString());
  }
}
