package ssm.experiments.tables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import ssm.report.CollectionReport;
import ssm.report.LesionAreaFigures;

/**
 * Table 6: each run's figures per collection of its test slices ({@code by_collection} of
 * metrics.json, written where a set merges several collections), so that a model that works on one
 * source and not on another shows it at once.
 */
public final class CollectionTable {
  /** The file name of the table under {@code tables/}. */
  public static final String FILE = "table6-collections";

  private CollectionTable() {}

  /** One row: a run's figures on one collection. */
  record Row(PaperTables.Run run, String collection, CollectionReport figures) {}

  /** The table of {@code runs}' collections, or null when no run has figures per collection. */
  public static PaperTables.Table of(List<PaperTables.Run> runs) {
    List<Row> rows = new ArrayList<>();
    for (PaperTables.Run run : runs) {
      Map<String, CollectionReport> by = run.metrics().byCollection();
      if (by != null) {
        by.forEach((name, figures) -> rows.add(new Row(run, name, figures)));
      }
    }
    if (rows.isEmpty()) {
      return null;
    }
    List<Column<Row>> columns =
        List.of(
            Column.same("variant", "variant", r -> r.run().variant().name()),
            Column.same("collection", "collection", Row::collection),
            Column.same(
                "segmentation slices",
                "segmentation_slices",
                r -> String.valueOf(r.figures().segmentationSlices())),
            figure("AP@0.5", "paper_ap50", CollectionReport::paperAp50),
            figure("COCO segm AP50", "coco_segm_ap50", CollectionReport::cocoSegmAp50),
            figure("lesion Dice", "lesion_dice", f -> area(f, LesionAreaFigures::dice)),
            figure(
                "lesion Dice pooled",
                "lesion_dice_pooled",
                f ->
                    f.lesionArea() == null || f.lesionArea().pooled() == null
                        ? null
                        : f.lesionArea().pooled().dice()),
            Column.same(
                "classification slices",
                "classification_slices",
                r -> String.valueOf(r.figures().classificationSlices())),
            figure("accuracy", "accuracy", CollectionReport::accuracy),
            figure(
                "COVID-19 sensitivity",
                "covid_sensitivity",
                f -> covid(f, CollectionReport.CovidVsRest::sensitivity)),
            figure(
                "specificity",
                "covid_specificity",
                f -> covid(f, CollectionReport.CovidVsRest::specificity)),
            figure(
                "COVID-19-vs-rest AUC",
                "covid_auc",
                f -> covid(f, CollectionReport.CovidVsRest::auc)));
    return PaperTables.Table.of(
        FILE,
        "**Table 6.** Each variant's test figures per collection of the test slices (seed 1; a "
            + "slice's collection comes from its split's seventh column or its file name, "
            + "docs/reference/data.md): the paper's AP@0.5, COCO segm AP50 and the lesion area's "
            + "Dice (mean over slices, and pooled) on its segmentation slices; accuracy and "
            + "COVID-19 against the rest on its classification slices. n/a: the collection has "
            + "no slice of that kind, or the figure is undefined on them (an AUC needs both "
            + "classes). A model that works on one source and not on another shows it here.",
        columns,
        rows);
  }

  private static Column<Row> figure(
      String markdown, String csv, Function<CollectionReport, Double> value) {
    return Column.of(
        markdown,
        r -> PaperTables.f4(value.apply(r.figures())),
        csv,
        r -> {
          Double v = value.apply(r.figures());
          return v == null ? "" : String.valueOf(v);
        });
  }

  private static Double area(CollectionReport f, Function<LesionAreaFigures, Double> figure) {
    return f.lesionArea() == null ? null : figure.apply(f.lesionArea());
  }

  private static Double covid(
      CollectionReport f, Function<CollectionReport.CovidVsRest, Double> figure) {
    return f.covidVsRest() == null ? null : figure.apply(f.covidVsRest());
  }
}
