package ssm.experiments.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssm.report.Ci95;
import ssm.report.ClassificationReport;
import ssm.report.CocoFigures;
import ssm.report.DataReference;
import ssm.report.ImageCounts;
import ssm.report.MetricsReport;
import ssm.report.MetricsReports;
import ssm.report.PaperApFigures;
import ssm.report.SegmentationReport;
import ssm.run.Provenance;
import ssm.run.RunFolder;

/** RESULTS.md's grid section from hand-made reports and provenance; no model runs. */
public class ResultsSectionTest {
  @TempDir Path dir;

  /** A report of {@code variant} with the given AP50s and accuracy and their intervals. */
  public static MetricsReport report(
      String variant, double coco50, double paper50, double accuracy) {
    CocoFigures coco =
        new CocoFigures(
            "segm",
            0.3,
            coco50,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            30,
            1,
            new Ci95(coco50 - 0.1, coco50 + 0.1));
    PaperApFigures paper =
        new PaperApFigures(
            paper50, 0.5, 0.45, Map.of(), new ImageCounts(30, 6, 0, 30), new Ci95(0.7, 0.9));
    ClassificationReport cls =
        new ClassificationReport(
            List.of("Normal", "CP", "COVID-19"),
            null,
            null,
            null,
            null,
            accuracy,
            new Ci95(accuracy - 0.15, accuracy + 0.1),
            0.7,
            null,
            0.72,
            null,
            40,
            null,
            null);
    DataReference seg =
        new DataReference(
            DataReference.Kind.SYNTHETIC,
            "synthetic seg/test",
            "runs/data",
            "seg/test",
            1L,
            128,
            30);
    DataReference clsData =
        new DataReference(
            DataReference.Kind.SYNTHETIC,
            "synthetic cls/test.txt",
            "runs/data",
            "cls/test.txt",
            1L,
            128,
            40);
    return new MetricsReport(
        MetricsReport.SCHEMA,
        variant,
        null,
        null,
        null,
        null,
        new MetricsReport.Datasets(seg, clsData),
        new SegmentationReport(paper, coco, null, null),
        cls,
        null,
        null);
  }

  static Provenance provenance() {
    return new Provenance(
        Provenance.SCHEMA,
        List.of(
            new Provenance.Record(
                    "0123456789abcdef0123456789abcdef01234567",
                    "./ssm grid",
                    new Provenance.Cpu(
                        "AMD EPYC 7B13", "amd64", 2, Map.of("AVX2", true, "AVX-512F", true)),
                    "17.0.9",
                    "1.0.0",
                    "2026-12-07T04:00:00Z",
                    null,
                    null,
                    null)
                .finished("2026-12-07T04:18:00Z", 1081.0, 0)));
  }

  @Test
  void rendersEachVariantWithItsIntervalsInThePapersOrder() throws Exception {
    // written out of order, and a folder without metrics.json that is not a run
    MetricsReports.write(
        new RunFolder(dir.resolve("scratch-r18-3")).metrics(),
        report("scratch-r18-3", 0.662, 0.8056, 0.725));
    MetricsReports.write(
        new RunFolder(dir.resolve("shared-r18-2")).metrics(),
        report("shared-r18-2", 0.73, 0.8328, 0.675));
    MetricsReports.write( // seed 2: Table 5's, not a row of the section's own table
        new RunFolder(dir.resolve("shared-r18-2-s2")).metrics(),
        report("shared-r18-2", 0.5, 0.6, 0.6));
    java.nio.file.Files.createDirectories(dir.resolve("tables"));
    List<ResultsSection.Run> runs = ResultsSection.scan(dir);
    assertEquals(
        List.of("shared-r18-2", "scratch-r18-3"), runs.stream().map(r -> r.name()).toList());

    PaperTables.Table more =
        PaperTables.Table.of(
            "x",
            "**Table 5.** seeds",
            List.of(Column.same("h", "h", (String r) -> r)),
            List.of("c"));
    String text =
        ResultsSection.render("demo-grid", "./ssm results G", runs, provenance(), List.of(more));
    assertTrue(
        text.contains("accuracy 0.68-0.73.\n\n**Table 5.** seeds\n\n| h |\n|---|\n| c |\n<!--"),
        text);
    assertTrue(text.startsWith("<!-- results:demo-grid:begin -->\n"), text);
    assertTrue(text.endsWith("<!-- results:demo-grid:end -->"), text);
    assertTrue(text.contains("| command | `./ssm grid` |"), text);
    assertTrue(text.contains("| commit | 0123456 |"), text);
    assertTrue(text.contains("AMD EPYC 7B13, 2 processors (amd64)"), text);
    assertTrue(text.contains("18.0 min (1,081 s;"), text);
    assertTrue(
        text.contains("synthetic (built-in generator, seed 1, 128 px) seg/test, 30 slices"), text);
    assertTrue(
        text.contains("synthetic (built-in generator, seed 1, 128 px) cls/test.txt, 40 slices"),
        text);
    assertTrue(
        text.contains(
            "| shared-r18-2 | 0.730 [0.630, 0.830] | 0.8328 (30; 24) | 0.675 [0.525, 0.775] (40) |"),
        text);
    assertTrue(text.indexOf("| shared-r18-2 |") < text.indexOf("| scratch-r18-3 |"), text);
    assertTrue(
        text.contains(
            "Over the 2 variants: COCO segm AP50 0.66-0.73, paper AP@0.5 0.81-0.83,"
                + " accuracy 0.68-0.73."),
        text);
  }

  @Test
  void saysSoWhereTheGridHasNoProvenance() {
    String text =
        ResultsSection.render(
            "demo-grid",
            "./ssm results G",
            List.of(new ResultsSection.Run("x", report("scratch-r18-3", 0.5, 0.6, 0.7))),
            new Provenance(Provenance.SCHEMA, List.of()),
            List.of());
    assertTrue(text.contains("No provenance.json"), text);
    assertTrue(!text.contains("Over the"), text);
  }

  @Test
  void replacesOnlyTheSection() {
    String doc =
        "# Results\n\nbefore\n<!-- results:demo-grid:begin -->\nold\n"
            + "<!-- results:demo-grid:end -->\nafter\n";
    String section = "<!-- results:demo-grid:begin -->\nnew\n<!-- results:demo-grid:end -->";
    assertEquals(
        "# Results\n\nbefore\n" + section + "\nafter\n",
        ResultsSection.replace(doc, "demo-grid", section));
    assertThrows(
        IllegalArgumentException.class, () -> ResultsSection.replace("# none\n", "demo-grid", ""));
    assertThrows(
        IllegalArgumentException.class,
        () -> ResultsSection.replace(doc + doc, "demo-grid", section));
  }
}
