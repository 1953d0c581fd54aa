package ssm.experiments.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ssm.report.CollectionReport;
import ssm.report.DataReference;
import ssm.report.LesionAreaFigures;
import ssm.report.MetricsReport;
import ssm.settings.Variant;

class CollectionTableTest {
  /** Dice 0.5 over 4 slices, pooled 2·30 / (2·30 + 20 + 40) = 0.5. */
  private static final LesionAreaFigures AREA =
      new LesionAreaFigures(
          0.5,
          4,
          0,
          0.5,
          4,
          0.4,
          4,
          0.9,
          4,
          new LesionAreaFigures.Pooled(0.5, 30 / 70.0, 0.99, 30, 20, 40, 1000));

  private static PaperTables.Run run(String variant, Map<String, CollectionReport> by) {
    MetricsReport m = PaperTablesTest.typed(variant, DataReference.Kind.REAL, "mixed", AREA, by);
    return new PaperTables.Run(Variant.parse(variant), Path.of(variant, "metrics.json"), m);
  }

  @Test
  void eachCollectionOfEachRunIsARow() {
    Map<String, CollectionReport> by = new LinkedHashMap<>();
    by.put("medseg", new CollectionReport(4, 0, 0.31, 0.25, AREA, null, null));
    by.put(
        "ucsd",
        new CollectionReport(
            0, 20, null, null, null, 0.7, new CollectionReport.CovidVsRest(0.6, 0.8, 0.7, 0.77)));
    PaperTables.Table t =
        CollectionTable.of(List.of(run("frozen-r18-3", by), run("scratch-r18-3", null)));
    assertEquals(2, t.rows().size());
    assertEquals(
        List.of(
            "frozen-r18-3",
            "medseg",
            "4",
            "0.3100",
            "0.2500",
            "0.5000",
            "0.5000",
            "0",
            "n/a",
            "n/a",
            "n/a",
            "n/a"),
        t.rows().get(0));
    assertEquals(
        List.of(
            "frozen-r18-3",
            "ucsd",
            "0",
            "n/a",
            "n/a",
            "n/a",
            "n/a",
            "20",
            "0.7000",
            "0.6000",
            "0.8000",
            "0.7700"),
        t.rows().get(1));
    assertEquals("", t.csvRows().get(1).get(3)); // undefined: an empty CSV cell
    assertTrue(t.caption().startsWith("**Table 6.**"), t.caption());
    assertNull(CollectionTable.of(List.of(run("scratch-r18-3", null))));
  }

  @Test
  void tableTwoGivesTheLesionAreaDiceBesideCocoAp() {
    PaperTables.Table t = PaperTables.table2(List.of(run("frozen-r18-3", null)));
    int md = t.header().indexOf("lesion Dice mean / pooled");
    assertEquals("0.5000 / 0.5000", t.rows().get(0).get(md));
    int csv = t.csvHeader().indexOf("lesion_sensitivity");
    assertEquals("0.4", t.csvRows().get(0).get(csv));
  }
}
