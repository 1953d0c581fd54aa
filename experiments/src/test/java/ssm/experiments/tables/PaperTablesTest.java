package ssm.experiments.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssm.report.CollectionReport;
import ssm.report.DataReference;
import ssm.report.ImageCounts;
import ssm.report.LesionAreaFigures;
import ssm.report.MetricsReport;
import ssm.report.MetricsReports;
import ssm.report.PaperApFigures;
import ssm.report.SegmentationReport;
import ssm.settings.Variant;

class PaperTablesTest {
  static final String SYNTHETIC = "synthetic (built-in generator, seed 1, 512 px): seg/test";

  /** A metrics.json with the keys the tables read; classification or segmentation may be absent. */
  static String metrics(
      String variant, String dataset, Double ap, double[] sensitivity, Double f1, Long parameters) {
    String seg =
        ap == null
            ? "null"
            : String.format(
                "{\"paper\": {\"ap50\": %s, \"ap75\": %s, \"ap\": %s, \"ap50_ci95\": [%s, %s],"
                    + " \"images\": {\"scored\": 7, \"empty\": 2, \"skipped\": 3, \"total\": 10}},"
                    + " \"coco_segm\": {\"AP50\": 0.6, \"ap50_ci95\": [0.4, 0.8]}}",
                ap + 0.2, ap - 0.1, ap, ap + 0.1, ap + 0.3);
    String cls =
        f1 == null
            ? "null"
            : String.format(
                "{\"sensitivity\": {\"Normal\": %s, \"CP\": %s,"
                    + " \"COVID-19\": %s}, \"accuracy\": 0.5, \"accuracy_ci95\": [0.3773502, 0.6226497],"
                    + " \"f1_weighted\": %s, \"samples\": 60}",
                sensitivity[0], sensitivity[1], sensitivity[2], f1);
    return String.format(
        "{\"schema\": \"ssm-metrics/1\", \"variant\": \"%s\", \"dataset\": \"%s\","
            + " \"segmentation\": %s, \"classification\": %s%s}",
        variant,
        dataset,
        seg,
        cls,
        parameters == null ? "" : ", \"parameters\": {\"total\": " + parameters + "}");
  }

  static void write(Path file, String text) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  /**
   * Three runs, one at the top level and two nested in grid folders: shared-r18-2 (AP .40, F1 .70),
   * scratch-r18-3 (AP .30, F1 .80; CP sensitivity 0.96538), frozen-r34-3 (AP .35, no
   * classification).
   */
  static Path runs(Path dir) throws Exception {
    double[] s = {0.5, 0.5, 0.5};
    write(
        dir.resolve("shared-r18-2/metrics.json"),
        metrics("shared-r18-2", SYNTHETIC, 0.40, s, 0.70, 4_511_717L));
    write(
        dir.resolve("grid-a/scratch-r18-3/metrics.json"),
        metrics(
            "scratch-r18-3",
            SYNTHETIC,
            0.30,
            new double[] {0.98646, 0.96538, 0.93005},
            0.80,
            null));
    write(
        dir.resolve("grid-b/frozen-r34-3/metrics.json"),
        metrics("frozen-r34-3", SYNTHETIC, 0.35, s, null, null));
    return dir;
  }

  @Test
  void twoClassRealDataSaysWhatItHoldsAndGivesCovidVersusRest(@TempDir Path dir) throws Exception {
    String real = "segmentation runs/x/split/seg/val; classification runs/x/split/cls/val.txt";
    write(
        dir.resolve("scratch-r18-3/metrics.json"),
        "{\"schema\": \"ssm-metrics/1\", "
            + "\"variant\": \"scratch-r18-3\", \"dataset\": \""
            + real
            + "\", "
            + "\"segmentation\": null, \"classification\": {\"classes\": [\"Normal\", \"CP\", "
            + "\"COVID-19\"], \"classes_present\": [\"Normal\", \"COVID-19\"], \"sensitivity\": "
            + "{\"Normal\": 0.8, \"CP\": null, \"COVID-19\": 0.6}, \"accuracy\": 0.7, "
            + "\"f1_weighted\": 0.7, \"f1_macro\": 0.69, \"samples\": 109, \"covid_vs_rest\": "
            + "{\"sensitivity\": 0.6, \"specificity\": 0.8, \"accuracy\": 0.7, \"auc\": 0.77}}}");
    List<PaperTables.Run> runs = PaperTables.scan(dir, new ArrayList<>());
    PaperTables.Table t3 = PaperTables.table3(runs);
    assertEquals("n/a", t3.rows().get(0).get(5)); // CP sensitivity: not measured, not 0
    assertTrue(t3.caption().contains("holds no CP slice"), t3.caption());
    PaperTables.Table t4 = PaperTables.table4(runs);
    assertEquals(
        List.of(
            "1",
            "scratch-r18-3",
            "SSM-S R18**",
            "Normal + COVID-19",
            "0.6000",
            "0.8000",
            "0.7000",
            "0.7700",
            "0.6900",
            "109"),
        t4.rows().get(0));
    assertTrue(PaperTables.dataNote(runs).contains("NOT the paper's results"));
    assertEquals(
        "",
        PaperTables.dataNote(PaperTables.scan(runs(dir.resolve("synthetic")), new ArrayList<>())));
  }

  private static List<String> column(PaperTables.Table t, int c) {
    return t.rows().stream().map(r -> r.get(c)).toList();
  }

  @Test
  void findsRunsAtTwoDepths(@TempDir Path dir) throws Exception {
    List<String> warnings = new ArrayList<>();
    List<PaperTables.Run> runs = PaperTables.scan(runs(dir), warnings);
    assertEquals(3, runs.size());
    assertTrue(warnings.isEmpty(), warnings.toString());
  }

  @Test
  void table2RanksByApAndListsTheRestAsNotRun(@TempDir Path dir) throws Exception {
    PaperTables.Table t = PaperTables.table2(PaperTables.scan(runs(dir), new ArrayList<>()));
    assertEquals(12, t.rows().size());
    assertEquals(
        List.of("shared-r18-2", "frozen-r34-3", "scratch-r18-3"), column(t, 1).subList(0, 3));
    assertEquals(List.of("1", "2", "3"), column(t, 0).subList(0, 3));
    // measured AP@[.5:.95] beside the paper's (SSM-S R18**: 0.4245), paper rank 3 of 12
    assertEquals(
        List.of(
            "3",
            "scratch-r18-3",
            "SSM-S R18**",
            "0.5000",
            "0.5799",
            "0.2000",
            "0.3828",
            "0.3000",
            "0.4245",
            "3",
            "7 of 10 (5 with lesions, 3 skipped)",
            "0.5000 [0.4000, 0.6000]",
            "0.6000 [0.4000, 0.8000]",
            "n/a / n/a"),
        t.rows().get(2));
    assertEquals(9, column(t, 3).stream().filter(PaperTables.NOT_RUN::equals).count());
    // not-run rows keep the paper's figures and the paper's order: shared-r18-3 comes first;
    // its 0.3415 is the paper's lowest AP@[.5:.95] (rank 12)
    assertEquals(
        List.of(
            "",
            "shared-r18-3",
            "SSM R18**",
            "not run",
            "0.4253",
            "",
            "0.3222",
            "",
            "0.3415",
            "12",
            "",
            "",
            "",
            ""),
        t.rows().get(3));
    assertTrue(t.caption().contains(SYNTHETIC), t.caption());
    assertTrue(t.caption().contains("NOT comparable"), t.caption());
    assertTrue(t.caption().contains("CNCB-NCOV"), t.caption());
  }

  @Test
  void table2GivesNoRankToAVariantScoredOnEmptySlicesAlone(@TempDir Path dir) throws Exception {
    runs(dir);
    // predicted nothing: its 4 scored slices are the 4 empty ones (each 1.0 by the paper's rule),
    // the 6 slices with lesions skipped, so its AP of 1.0 would otherwise rank it first
    write(
        dir.resolve("scratch-r34-2/metrics.json"),
        metrics("scratch-r34-2", SYNTHETIC, 0.30, new double[] {0.5, 0.5, 0.5}, 0.70, null)
            .replace("\"ap\": 0.3,", "\"ap\": 1.0,")
            .replace(
                "\"scored\": 7, \"empty\": 2, \"skipped\": 3",
                "\"scored\": 4, \"empty\": 4, \"skipped\": 6"));
    PaperTables.Table t = PaperTables.table2(PaperTables.scan(dir, new ArrayList<>()));
    assertEquals(
        List.of("shared-r18-2", "frozen-r34-3", "scratch-r18-3", "scratch-r34-2"),
        column(t, 1).subList(0, 4));
    assertEquals(List.of("1", "2", "3", PaperTables.CANNOT_RANK), column(t, 0).subList(0, 4));
    assertEquals("1.0000", t.rows().get(3).get(7));
    assertEquals("cannot rank", t.csvRows().get(3).get(0));
    assertTrue(t.caption().contains("is not ranked"), t.caption());
    // Table 3 ranks the same run by its F1, which is defined
    PaperTables.Table t3 = PaperTables.table3(PaperTables.scan(dir, new ArrayList<>()));
    assertFalse(column(t3, 0).contains(PaperTables.CANNOT_RANK));
  }

  @Test
  void table3RanksByF1WithTheSensitivitiesTruncatedAsThePaperPrintsThem(@TempDir Path dir)
      throws Exception {
    PaperTables.Table t = PaperTables.table3(PaperTables.scan(runs(dir), new ArrayList<>()));
    assertEquals(List.of("scratch-r18-3", "shared-r18-2"), column(t, 1).subList(0, 2));
    // 0.96538 -> 96.53 (truncated, not 96.54), 0.98646 -> 98.64, 0.93005 -> 93.00;
    // the paper's row of SSM-S R18** is 93.00 / 96.53 / 98.64, 96.75, 0.9676
    assertEquals(
        List.of(
            "1",
            "scratch-r18-3",
            "SSM-S R18**",
            "93.00",
            "93.00",
            "96.53",
            "96.53",
            "98.64",
            "98.64",
            "50.00",
            "96.75",
            "0.8000",
            "0.9676",
            "1",
            "60",
            "0.5000 [0.3774, 0.6226]"),
        t.rows().get(0));
    // frozen-r34-3 has no classification: not run here
    assertTrue(
        t.rows().stream()
            .anyMatch(
                r -> r.get(1).equals("frozen-r34-3") && r.get(3).equals(PaperTables.NOT_RUN)));
  }

  @Test
  void csvHasStableColumnsAndFullPrecision(@TempDir Path dir) throws Exception {
    PaperTables.Table t = PaperTables.table3(PaperTables.scan(runs(dir), new ArrayList<>()));
    String[] lines = t.csv().split("\n");
    assertEquals(
        "rank,variant,paper_label,status,sensitivity_covid,sensitivity_covid_paper,"
            + "sensitivity_cp,sensitivity_cp_paper,sensitivity_normal,sensitivity_normal_paper,"
            + "accuracy,accuracy_paper,f1,f1_paper,paper_rank,samples,accuracy_ci95_low,"
            + "accuracy_ci95_high,dataset",
        lines[0]);
    assertEquals(13, lines.length);
    // the dataset holds a comma, so it is quoted
    assertTrue(lines[1].startsWith("1,scratch-r18-3,SSM-S R18**,measured,93.005"), lines[1]);
    assertTrue(lines[1].endsWith(",60,0.3773502,0.6226497,\"" + SYNTHETIC + "\""), lines[1]);
  }

  @Test
  void table1TakesParametersFromMetricsJsonElseCounts(@TempDir Path dir) throws Exception {
    PaperTables.Table t =
        PaperTables.table1(
            PaperTables.scan(runs(dir), new ArrayList<>()),
            v -> v.name().equals("scratch-r34-3") ? 1 : PaperResults.parameters(v).exact());
    assertEquals(12, t.rows().size());
    List<String> first = t.rows().get(0); // shared-r18-2, from its metrics.json
    assertEquals(
        List.of(
            "shared-r18-2",
            "SSM R18*",
            "ResNet18",
            "2",
            "1",
            "4,511,717",
            "4.51M",
            "4,511,717",
            "yes"),
        first);
    List<String> last = t.rows().get(11);
    assertEquals("scratch-r34-3", last.get(0));
    assertEquals("13.66M", last.get(6));
    assertEquals("NO (-13,655,278)", last.get(8));
  }

  @Test
  void severalDatasetsGetAColumn(@TempDir Path dir) throws Exception {
    runs(dir);
    write(
        dir.resolve("real/scratch-r34-2/metrics.json"),
        metrics(
            "scratch-r34-2",
            "segmentation /data/cncb/test",
            0.5,
            new double[] {1, 1, 1},
            0.9,
            null));
    PaperTables.Table t = PaperTables.table2(PaperTables.scan(dir, new ArrayList<>()));
    assertEquals("data", t.header().get(t.header().size() - 1));
    // data sets are numbered in rank order: scratch-r34-2 ranks first, so its data set is [1]
    assertEquals("[1]", t.rows().get(0).get(14));
    assertEquals("[2]", t.rows().get(1).get(14));
    assertTrue(
        t.caption().contains("[1] segmentation /data/cncb/test; [2] " + SYNTHETIC), t.caption());
  }

  @Test
  void eachTableNamesTheDataOfItsOwnPart(@TempDir Path dir) throws Exception {
    // ssm eval writes datasets.segmentation / datasets.classification beside the joint name
    String m = metrics("scratch-r18-3", "both", 0.3, new double[] {1, 1, 1}, 0.9, null);
    m =
        m.substring(0, m.length() - 1)
            + ", \"datasets\": {\"segmentation\": \"SEG DATA\","
            + " \"classification\": \"CLS DATA\"}}";
    write(dir.resolve("scratch-r18-3/metrics.json"), m);
    List<PaperTables.Run> runs = PaperTables.scan(dir, new ArrayList<>());
    assertTrue(PaperTables.table2(runs).caption().contains("Ours measured on: SEG DATA."));
    assertTrue(PaperTables.table3(runs).caption().contains("Ours measured on: CLS DATA."));
    assertTrue(PaperTables.table3(runs).csv().contains(",CLS DATA\n"));
  }

  @Test
  void aVariantTwiceKeepsTheNewerAndWarns(@TempDir Path dir) throws Exception {
    runs(dir);
    Path older = dir.resolve("grid-a/scratch-r18-3/metrics.json");
    Path newer = dir.resolve("grid-c/scratch-r18-3/metrics.json");
    write(newer, metrics("scratch-r18-3", SYNTHETIC, 0.1, new double[] {0, 0, 0}, 0.1, null));
    Files.setLastModifiedTime(older, FileTime.fromMillis(1_000_000));
    List<String> warnings = new ArrayList<>();
    List<PaperTables.Run> runs = PaperTables.scan(dir, warnings);
    assertEquals(3, runs.size());
    assertEquals(
        newer,
        runs.stream()
            .filter(r -> r.variant().equals(Variant.DEFAULT))
            .findFirst()
            .orElseThrow()
            .file());
    assertEquals(1, warnings.size());
    assertTrue(warnings.get(0).contains("appears twice"), warnings.get(0));
  }

  @Test
  void nothingRunYetStillGivesThePaperColumns(@TempDir Path dir) {
    PaperTables.Table t = PaperTables.table2(PaperTables.scan(dir, new ArrayList<>()));
    assertEquals(12, column(t, 3).stream().filter(PaperTables.NOT_RUN::equals).count());
    assertTrue(t.caption().contains("No variant evaluated yet"), t.caption());
    assertFalse(t.caption().contains("NOT comparable"));
  }

  /** A report of the current schema whose data is of {@code kind}, described as {@code caption}. */
  private static MetricsReport typed(String variant, DataReference.Kind kind, String caption) {
    return typed(variant, kind, caption, null, null);
  }

  /**
   * A report of the current schema: paper AP@0.5 0.5 over 9 of 10 slices, the lesion area's figures
   * and the figures per collection as given (either may be null).
   */
  static MetricsReport typed(
      String variant,
      DataReference.Kind kind,
      String caption,
      LesionAreaFigures lesionArea,
      Map<String, CollectionReport> byCollection) {
    DataReference data = new DataReference(kind, caption, null, "seg/test", null, null, 10);
    return new MetricsReport(
        MetricsReport.SCHEMA,
        variant,
        null,
        null,
        new MetricsReport.Parameters(1),
        null,
        new MetricsReport.Datasets(data, data),
        new SegmentationReport(
            new PaperApFigures(0.5, 0.25, 0.3, null, new ImageCounts(9, 1, 1, 10), null),
            null,
            null,
            lesionArea),
        null,
        byCollection,
        null);
  }

  @Test
  void theDataKindComesFromTheReportNotFromItsCaption(@TempDir Path dir) throws Exception {
    MetricsReports.write(
        dir.resolve("a/shared-r18-2/metrics.json"),
        typed("shared-r18-2", DataReference.Kind.SYNTHETIC, "generated set G"));
    List<PaperTables.Run> runs = PaperTables.scan(dir, new ArrayList<>());
    PaperTables.Table t = PaperTables.table2(runs);
    assertTrue(t.caption().contains("Ours measured on: generated set G."), t.caption());
    assertTrue(t.caption().contains("NOT comparable"), t.caption());
    assertEquals("", PaperTables.dataNote(runs));
    assertEquals(List.of("1", "shared-r18-2", "SSM R18*", "0.5000"), t.rows().get(0).subList(0, 4));
    assertEquals("9 of 10 (8 with lesions, 1 skipped)", t.rows().get(0).get(10));

    MetricsReports.write(
        dir.resolve("b/shared-r18-3/metrics.json"),
        typed("shared-r18-3", DataReference.Kind.REAL, "synthetic-looking name of real data"));
    runs = PaperTables.scan(dir, new ArrayList<>());
    assertTrue(PaperTables.dataNote(runs).contains("synthetic-looking name of real data"));
  }

  @Test
  void aReportOfAnUnknownSchemaIsLeftOutWithAWarningNamingIt(@TempDir Path dir) throws Exception {
    runs(dir);
    Path future = dir.resolve("x/shared-r18-3/metrics.json");
    write(future, "{\"schema\": \"ssm-metrics/9\", \"variant\": \"shared-r18-3\"}");
    List<String> warnings = new ArrayList<>();
    assertEquals(3, PaperTables.scan(dir, warnings).size());
    assertEquals(1, warnings.size());
    assertTrue(warnings.get(0).startsWith(future.toString()), warnings.get(0));
    assertTrue(warnings.get(0).contains("./ssm eval"), warnings.get(0));
  }
}
