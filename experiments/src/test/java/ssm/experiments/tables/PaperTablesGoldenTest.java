package ssm.experiments.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssm.report.MetricsReports;

/**
 * Tables 1-4 in full, markdown and CSV, against the text the tables had before they were built from
 * column definitions (golden/, written by that code from these same ssm-metrics/1 reports): every
 * cell of measured and not-run rows, the data column and the captions. A deliberate change of the
 * tables rewrites the golden files with {@code mvn test -pl experiments -am -Dgolden.write=true
 * -Dtest=PaperTablesGoldenTest -Dsurefire.failIfNoSpecifiedTests=false}, to be read in the diff.
 */
class PaperTablesGoldenTest {
  /** Synthetic runs, a run on real data, a two-class run, a run without intervals or totals. */
  static Path runs(Path dir) throws Exception {
    PaperTablesTest.runs(dir);
    PaperTablesTest.write(
        dir.resolve("real/scratch-r34-2/metrics.json"),
        PaperTablesTest.metrics(
            "scratch-r34-2",
            "segmentation /data/cncb/test",
            0.5,
            new double[] {1, 0.25, 0.125},
            0.9,
            13_000_000L));
    PaperTablesTest.write(
        dir.resolve("two/frozen-r18-3/metrics.json"),
        "{\"schema\": \"ssm-metrics/1\", \"variant\": \"frozen-r18-3\", \"dataset\": \"cls only\","
            + " \"segmentation\": {\"paper\": {\"ap50\": null, \"ap75\": 0.1, \"ap\": 0.05},"
            + " \"coco_segm\": {\"AP50\": null}},"
            + " \"classification\": {\"classes\": [\"Normal\", \"CP\", \"COVID-19\"],"
            + " \"classes_present\": [\"Normal\", \"COVID-19\"], \"sensitivity\": {\"Normal\": 0.8,"
            + " \"CP\": null, \"COVID-19\": 0.6}, \"accuracy\": 0.7, \"accuracy_ci95\": null,"
            + " \"f1_weighted\": 0.7, \"f1_macro\": 0.69, \"samples\": 109, \"covid_vs_rest\":"
            + " {\"sensitivity\": 0.6, \"specificity\": null, \"accuracy\": 0.7, \"auc\": 0.77}}}");
    return dir;
  }

  @Test
  void tablesAreAsBefore(@TempDir Path dir) throws Exception {
    assertTablesAreGolden(PaperTables.scan(runs(dir), new ArrayList<>()));
  }

  /** The reports rewritten in the current schema: the typed report keeps all the tables show. */
  @Test
  void theSameReportsInTheCurrentSchemaGiveTheSameTables(@TempDir Path dir) throws Exception {
    for (PaperTables.Run r : PaperTables.scan(runs(dir), new ArrayList<>())) {
      MetricsReports.write(r.file(), MetricsReports.read(r.file()));
      assertTrue(Files.readString(r.file()).contains("\"ssm-metrics/2\""), r.file().toString());
    }
    assertTablesAreGolden(PaperTables.scan(dir, new ArrayList<>()));
  }

  private static void assertTablesAreGolden(List<PaperTables.Run> runs) throws IOException {
    List<PaperTables.Table> tables =
        List.of(
            PaperTables.table1(runs, v -> PaperResults.parameters(v).exact()),
            PaperTables.table2(runs),
            PaperTables.table3(runs),
            PaperTables.table4(runs));
    if (Boolean.getBoolean("golden.write")) { // a deliberate change of the tables: new golden files
      Path golden = Path.of("src/test/resources/ssm/experiments/tables/golden");
      for (PaperTables.Table t : tables) {
        Files.writeString(golden.resolve(t.file() + ".md"), t.markdown());
        Files.writeString(golden.resolve(t.file() + ".csv"), t.csv());
      }
    }
    for (PaperTables.Table t : tables) {
      assertEquals(golden(t.file() + ".md"), t.markdown(), t.file());
      assertEquals(golden(t.file() + ".csv"), t.csv(), t.file());
    }
    assertEquals(golden("data-note.md"), PaperTables.dataNote(runs));
  }

  private static String golden(String name) throws IOException {
    try (InputStream in = PaperTablesGoldenTest.class.getResourceAsStream("golden/" + name)) {
      if (in == null) {
        throw new IllegalStateException("golden/" + name + " missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
