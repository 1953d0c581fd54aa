package ssm.experiments.tables;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import ssm.experiments.run.SeedRuns;
import ssm.report.Ci95;
import ssm.report.ClassificationReport;
import ssm.report.CocoFigures;
import ssm.report.DataReference;
import ssm.report.ImageCounts;
import ssm.report.LesionAreaFigures;
import ssm.report.MetricsReport;
import ssm.report.MetricsReports;
import ssm.report.PaperApFigures;
import ssm.run.RunFolder;
import ssm.settings.Variant;

/**
 * The paper's Tables 1-3 rebuilt from evaluated runs ({@code metrics.json}, read as {@link
 * MetricsReport}s), each measured figure beside the paper's ({@link PaperResults}), as markdown and
 * CSV; each table is one list of {@link Column}s that yields both.
 *
 * <p>Runs are found at {@code RUNS/<dir>/metrics.json} and {@code RUNS/<dir>/<dir>/metrics.json} (a
 * grid folder, or several shards' folders, merged); the variant is the report's, else its folder's
 * name. When a variant appears twice, the newest file wins and a warning names both. Variants
 * without a run are listed as "not run". Each caption names the data the figures were measured on,
 * and says so loudly when it is the synthetic set, and ends with the runs' training budget ({@link
 * TrainingBudgets}).
 */
public final class PaperTables {
  static final String NOT_RUN = "not run";
  private static final String MEASURED = "measured";
  private static final String SEGMENTATION = "segmentation";
  private static final String CLASSIFICATION = "classification";

  /** One evaluated run. */
  public record Run(Variant variant, Path file, MetricsReport metrics) {
    /** The data of one part ({@code segmentation} or {@code classification}), or null. */
    DataReference data(String part) {
      return part.equals(SEGMENTATION)
          ? metrics.datasets().segmentation()
          : metrics.datasets().classification();
    }

    /** The data of one part as captions name it. */
    String dataset(String part) {
      DataReference d = data(part);
      return d == null || d.description() == null ? "unknown data" : d.description();
    }

    PaperApFigures paper() {
      return metrics.segmentation() == null ? null : metrics.segmentation().paper();
    }

    CocoFigures cocoSegm() {
      return metrics.segmentation() == null ? null : metrics.segmentation().cocoSegm();
    }

    ClassificationReport classification() {
      return metrics.classification();
    }
  }

  /** One table: caption, markdown cells and CSV cells. */
  public record Table(
      String file,
      String caption,
      List<String> header,
      List<List<String>> rows,
      List<String> csvHeader,
      List<List<String>> csvRows) {

    /** The table of {@code rows} in the form of {@code columns}. */
    static <R> Table of(String file, String caption, List<Column<R>> columns, List<R> rows) {
      return new Table(
          file,
          caption,
          Column.markdownHeader(columns),
          Column.markdownRows(columns, rows),
          Column.csvHeader(columns),
          Column.csvRows(columns, rows));
    }

    /** Caption paragraph, blank line, pipe table. */
    public String markdown() {
      StringBuilder b = new StringBuilder(caption).append("\n\n");
      b.append("| ").append(String.join(" | ", header)).append(" |\n|");
      header.forEach(h -> b.append("---|"));
      b.append('\n');
      rows.forEach(r -> b.append("| ").append(String.join(" | ", r)).append(" |\n"));
      return b.toString();
    }

    /** RFC 4180 CSV with a header line. */
    public String csv() {
      StringBuilder b = new StringBuilder();
      b.append(csvLine(csvHeader));
      csvRows.forEach(r -> b.append(csvLine(r)));
      return b.toString();
    }

    private static String csvLine(List<String> cells) {
      List<String> quoted = new ArrayList<>();
      for (String c : cells) {
        quoted.add(
            c.contains(",") || c.contains("\"") || c.contains("\n")
                ? "\"" + c.replace("\"", "\"\"") + "\""
                : c);
      }
      return String.join(",", quoted) + "\n";
    }
  }

  /**
   * A row of Tables 2-4: a measured run at its rank (0: measured but its ranking figure is
   * undefined), or a variant not run (run null, rank 0).
   */
  private record Row(int rank, Variant variant, Run run) {
    boolean measured() {
      return run != null;
    }
  }

  public static final String CANNOT_RANK = "cannot rank";

  private PaperTables() {}

  /** The runs under {@code runsDir}; problems (unreadable file, unknown variant) go to warnings. */
  public static List<Run> scan(Path runsDir, List<String> warnings) {
    if (!Files.isDirectory(runsDir)) {
      throw new IllegalArgumentException(runsDir + " is not a folder");
    }
    List<Path> files;
    try (Stream<Path> s =
        Files.find(
            runsDir,
            3,
            (p, a) ->
                a.isRegularFile()
                    && p.getFileName().toString().equals(RunFolder.METRICS)
                    && runsDir.relativize(p).getNameCount() >= 2)) {
      files = s.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + runsDir, e);
    }
    Map<Variant, Run> byVariant = new LinkedHashMap<>();
    for (Path f : files) {
      if (SeedRuns.index(f.getParent().getFileName().toString()) > 1) {
        continue; // seeds 2..N of a variant: the seed table's (SeedTable); Tables 1-4 show seed 1
      }
      MetricsReport m;
      try {
        m = MetricsReports.read(f);
      } catch (IOException e) {
        warnings.add(f + ": not readable JSON (" + e.getMessage() + "); left out");
        continue;
      } catch (IllegalArgumentException e) {
        warnings.add(e.getMessage() + "; left out");
        continue;
      }
      String name = m.variant();
      Variant v;
      try {
        v = Variant.parse(name);
      } catch (IllegalArgumentException e) {
        warnings.add(f + ": unknown variant '" + name + "'; left out");
        continue;
      }
      Run run = new Run(v, f, m);
      Run old = byVariant.get(v);
      if (old != null) {
        Run keep = modified(f) >= modified(old.file()) ? run : old;
        warnings.add(
            String.format(
                "%s appears twice: %s and %s; using the newer, %s",
                v.name(), old.file(), f, keep.file()));
        run = keep;
      }
      byVariant.put(v, run);
    }
    return new ArrayList<>(byVariant.values());
  }

  private static long modified(Path f) {
    try {
      return Files.getLastModifiedTime(f).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }

  /** A row of Table 1: a variant and its parameter count. */
  private record Parameters(Variant variant, long count) {
    PaperResults.Parameters paper() {
      return PaperResults.parameters(variant);
    }
  }

  /**
   * Table 1: parameters of all 12 variants: {@code parameters.total} of a run's metrics.json, else
   * {@code count} (the graph's parameters), beside the paper's printed figure and exact count.
   */
  public static Table table1(List<Run> runs, ToLongFunction<Variant> count) {
    Map<Variant, Run> byVariant = index(runs);
    List<Parameters> rows = new ArrayList<>();
    for (Variant v : Variant.all()) {
      Run r = byVariant.get(v);
      Long total = r == null ? null : r.metrics().parameterTotal();
      rows.add(new Parameters(v, total != null ? total : count.applyAsLong(v)));
    }
    List<Column<Parameters>> columns =
        List.of(
            Column.same("variant", "variant", p -> p.variant().name()),
            Column.same("paper label", "paper_label", p -> p.variant().paperLabel()),
            Column.same("backbone", "backbone", p -> "ResNet" + p.variant().depth()),
            Column.same("blocks", "blocks", p -> String.valueOf(p.variant().blocks())),
            Column.csvOnly("regime", p -> p.variant().regime().configName()),
            Column.same(
                "branches", "branches", p -> String.valueOf(p.variant().twoBranches() ? 2 : 1)),
            Column.of(
                "parameters",
                p -> String.format(Locale.ROOT, "%,d", p.count()),
                "parameters",
                p -> String.valueOf(p.count())),
            Column.same("paper", "parameters_paper_printed", p -> p.paper().printed()),
            Column.of(
                "reference exact",
                p -> String.format(Locale.ROOT, "%,d", p.paper().exact()),
                "parameters_reference_exact",
                p -> String.valueOf(p.paper().exact())),
            Column.markdownOnly(
                "equal",
                p ->
                    p.count() == p.paper().exact()
                        ? "yes"
                        : "NO ("
                            + String.format(Locale.ROOT, "%+,d", p.count() - p.paper().exact())
                            + ")"));
    return Table.of(
        "table1-parameters",
        "**Table 1.** Parameters of the 12 variants, counted from each variant's graph (parameters "
            + "only, no BN buffers), beside the paper's printed figure and the exact count of the "
            + "reference architecture (docs/explanation/model.md#3-parameter-counts). Independent of any data.",
        columns,
        rows);
  }

  /**
   * {@code "10 of 12 (6 with lesions, 2 skipped)"}: the slices the paper's per-image AP averaged
   * over, how many of them have lesions (the others are lesion-free slices without predictions,
   * each scoring 1), and the slices left out (just the scored count when the report has no totals).
   */
  public static String slicesScored(ImageCounts images) {
    if (images == null) {
      return "0";
    }
    return images.total() == 0
        ? String.valueOf(images.scored())
        : String.format(
            "%d of %d (%d with lesions, %d skipped)",
            images.scored(), images.total(), images.scored() - images.empty(), images.skipped());
  }

  /** {@code "0.8123 [0.7011, 0.9012]"}: a figure and its 95% interval. */
  static String withInterval(Double value, Ci95 ci) {
    if (value == null) {
      return f4(null);
    }
    return ci != null
        ? String.format(Locale.ROOT, "%.4f [%.4f, %.4f]", value, ci.low(), ci.high())
        : f4(value);
  }

  /** Table 2: the paper's per-image mask AP, ranked by AP@[.5:.95]. */
  public static Table table2(List<Run> runs) {
    List<Run> measured = runs.stream().filter(r -> r.paper() != null).toList();
    Function<Run, Double> rankedBy = r -> foundALesion(r) ? r.paper().ap() : null;
    List<Run> ranked = rank(measured, rankedBy);
    Map<Variant, Integer> paperRank = paperRank(v -> PaperResults.segmentation(v).ap());
    Datasets data = new Datasets(ranked, SEGMENTATION);
    Function<Row, PaperResults.Segmentation> paper =
        row -> PaperResults.segmentation(row.variant());
    List<Column<Row>> columns = new ArrayList<>(leading());
    columns.add(Column.csvOnly("status", PaperTables::status));
    columns.addAll(
        oursAndPaper(
            "AP@0.5",
            "ap50",
            r -> r.paper().ap50(),
            PaperTables::f4,
            row -> paper.apply(row).ap50(),
            PaperTables::f4,
            true));
    columns.addAll(
        oursAndPaper(
            "AP@0.75",
            "ap75",
            r -> r.paper().ap75(),
            PaperTables::f4,
            row -> paper.apply(row).ap75(),
            PaperTables::f4,
            false));
    columns.addAll(
        oursAndPaper(
            "AP@[.5:.95]",
            "ap",
            r -> r.paper().ap(),
            PaperTables::f4,
            row -> paper.apply(row).ap(),
            PaperTables::f4,
            false));
    columns.addAll(
        List.of(
            Column.same(
                "paper rank", "paper_rank", row -> String.valueOf(paperRank.get(row.variant()))),
            Column.markdownOnly("slices scored", measured(r -> slicesScored(r.paper().images()))),
            Column.csvOnly("images_scored", measured(r -> String.valueOf(images(r).scored()))),
            Column.csvOnly("images_total", measured(r -> String.valueOf(images(r).total()))),
            Column.markdownOnly(
                "AP@0.5 [95% interval]",
                measured(r -> withInterval(r.paper().ap50(), r.paper().ap50Ci95()))),
            Column.csvOnly("ap50_ci95_low", measured(r -> low(r.paper().ap50Ci95()))),
            Column.csvOnly("ap50_ci95_high", measured(r -> high(r.paper().ap50Ci95()))),
            Column.markdownOnly(
                "COCO segm AP50 [95% interval]",
                measured(r -> withInterval(cocoAp50(r), cocoCi(r)))),
            Column.csvOnly("coco_segm_ap50", measured(r -> raw(cocoAp50(r)))),
            Column.csvOnly("coco_segm_ap50_ci95_low", measured(r -> low(cocoCi(r)))),
            Column.csvOnly("coco_segm_ap50_ci95_high", measured(r -> high(cocoCi(r)))),
            Column.markdownOnly(
                "lesion Dice mean / pooled",
                measured(r -> f4(area(r, LesionAreaFigures::dice)) + " / " + f4(pooledDice(r)))),
            Column.csvOnly("lesion_dice", measured(r -> raw(area(r, LesionAreaFigures::dice)))),
            Column.csvOnly("lesion_dice_pooled", measured(r -> raw(pooledDice(r)))),
            Column.csvOnly(
                "lesion_sensitivity", measured(r -> raw(area(r, LesionAreaFigures::sensitivity)))),
            Column.csvOnly(
                "lesion_specificity", measured(r -> raw(area(r, LesionAreaFigures::specificity)))),
            Column.csvOnly(
                "lesion_score_threshold",
                measured(
                    r ->
                        lesionArea(r) == null
                            ? ""
                            : String.valueOf(lesionArea(r).scoreThreshold())))));
    columns.addAll(data.columns());
    return Table.of(
        "table2-segmentation",
        "**Table 2.** Lesion segmentation: the paper's per-image mask AP (mean over test slices; "
            + "docs/explanation/model.md#71-paper-ap, docs/reference/metrics.md), ranked by AP@[.5:.95]; each paper "
            + "figure is in the "
            + "column after ours. By the paper's rule a slice with no lesion and no prediction "
            + "scores 1 and a slice with only one of the two is skipped, so a model that predicts "
            + "nothing scores 1 on the slices it is scored on: read AP with its \"slices scored\" "
            + "column; a variant scored on no slice with lesions (it predicted nothing where there "
            + "were lesions) is not ranked (\"cannot rank\"): its AP measures only empty slices. "
            + "The 95% intervals are the percentile bootstrap over the test slices; COCO "
            + "segm AP50 (pycocotools' AP at IoU 0.5 over all slices) has no paper figure, nor has "
            + "the lesion area's Dice (the union of the detections scoring at least "
            + "eval.lesion-area-score against the union of the truth's lesions; the mean over the "
            + "slices where it is defined, and pooled over all pixels; docs/reference/metrics.md), "
            + "the figure the segmentation literature reports; n/a where not measured. "
            + data.caption()
            + budget(measured),
        columns,
        rows(ranked, rankedBy, measured));
  }

  /**
   * Whether the paper's AP scored some slice with lesions: by the paper's rule a slice with lesions
   * and no prediction is skipped, so a run that found nothing is scored on empty slices alone.
   */
  private static boolean foundALesion(Run r) {
    ImageCounts i = r.paper().images();
    return i == null || !i.noLesionSliceScored();
  }

  private static LesionAreaFigures lesionArea(Run r) {
    return r.metrics().segmentation() == null ? null : r.metrics().segmentation().lesionArea();
  }

  private static Double area(Run r, Function<LesionAreaFigures, Double> figure) {
    return lesionArea(r) == null ? null : figure.apply(lesionArea(r));
  }

  private static Double pooledDice(Run r) {
    return lesionArea(r) == null || lesionArea(r).pooled() == null
        ? null
        : lesionArea(r).pooled().dice();
  }

  private static ImageCounts images(Run r) {
    ImageCounts i = r.paper().images();
    return i == null ? new ImageCounts(0, 0, 0, 0) : i;
  }

  private static Double cocoAp50(Run r) {
    return r.cocoSegm() == null ? null : r.cocoSegm().ap50();
  }

  private static Ci95 cocoCi(Run r) {
    return r.cocoSegm() == null ? null : r.cocoSegm().ap50Ci95();
  }

  /** Table 3: sensitivities, accuracy and the paper's weighted F1, ranked by F1. */
  public static Table table3(List<Run> runs) {
    List<Run> measured = runs.stream().filter(r -> r.classification() != null).toList();
    Function<Run, Double> rankedBy = r -> r.classification().f1Weighted();
    List<Run> ranked = rank(measured, rankedBy);
    Map<Variant, Integer> paperRank = paperRank(v -> PaperResults.classification(v).f1());
    Datasets data = new Datasets(ranked, CLASSIFICATION);
    Function<Row, PaperResults.Classification> paper =
        row -> PaperResults.classification(row.variant());
    List<Column<Row>> columns = new ArrayList<>(leading());
    columns.add(Column.csvOnly("status", PaperTables::status));
    columns.addAll(
        oursAndPaper(
            "sens. COVID-19 %",
            "sensitivity_covid",
            r -> sensitivity(r, "COVID-19"),
            PaperTables::trunc2,
            row -> paper.apply(row).sensitivityCovid(),
            PaperTables::f2,
            true));
    columns.addAll(
        oursAndPaper(
            "sens. CP %",
            "sensitivity_cp",
            r -> sensitivity(r, "CP"),
            PaperTables::trunc2,
            row -> paper.apply(row).sensitivityCp(),
            PaperTables::f2,
            false));
    columns.addAll(
        oursAndPaper(
            "sens. Normal %",
            "sensitivity_normal",
            r -> sensitivity(r, "Normal"),
            PaperTables::trunc2,
            row -> paper.apply(row).sensitivityNormal(),
            PaperTables::f2,
            false));
    columns.addAll(
        oursAndPaper(
            "accuracy %",
            "accuracy",
            r -> percent(r.classification().accuracy()),
            PaperTables::trunc2,
            row -> paper.apply(row).accuracy(),
            PaperTables::f2,
            false));
    columns.addAll(
        oursAndPaper(
            "F1",
            "f1",
            r -> r.classification().f1Weighted(),
            PaperTables::f4,
            row -> paper.apply(row).f1(),
            PaperTables::f4,
            false));
    columns.addAll(
        List.of(
            Column.same(
                "paper rank", "paper_rank", row -> String.valueOf(paperRank.get(row.variant()))),
            Column.same(
                "n", "samples", measured(r -> String.valueOf(r.classification().samples()))),
            Column.markdownOnly(
                "accuracy [95% interval]",
                measured(
                    r ->
                        withInterval(
                            r.classification().accuracy(), r.classification().accuracyCi95()))),
            Column.csvOnly(
                "accuracy_ci95_low", measured(r -> low(r.classification().accuracyCi95()))),
            Column.csvOnly(
                "accuracy_ci95_high", measured(r -> high(r.classification().accuracyCi95())))));
    columns.addAll(data.columns());
    return Table.of(
        "table3-classification",
        "**Table 3.** Image classification: sensitivity per class and overall accuracy in percent, "
            + "TRUNCATED to two decimals as the paper prints them; F1 = the paper's weighted F1 "
            + "(weights 0.45 Normal, 0.35 CP, 0.20 COVID-19; "
            + "docs/explanation/model.md#73-classification-metrics); ranked by F1; each "
            + "paper figure is in the column after ours; n = test slices, the accuracy's 95% "
            + "interval is Wilson's. "
            + absentClasses(measured)
            + data.caption()
            + budget(measured),
        columns,
        rows(ranked, rankedBy, measured));
  }

  /** A class's sensitivity in percent, or null (not measured). */
  private static Double sensitivity(Run r, String className) {
    return percent(r.classification().sensitivityOf(className));
  }

  /**
   * Our figure (markdown by {@code format}, CSV in full) and the paper's in the column after it,
   * the CSV's named {@code csv} and {@code csv_paper}.
   *
   * @param first whether ours is the row's first measured column: a variant not run says so there
   */
  private static List<Column<Row>> oursAndPaper(
      String markdown,
      String csv,
      Function<Run, Double> ours,
      Function<Double, String> format,
      ToDoubleFunction<Row> paper,
      DoubleFunction<String> paperFormat,
      boolean first) {
    Function<Run, String> cell = r -> format.apply(ours.apply(r));
    return List.of(
        Column.of(
            markdown,
            first ? firstMeasured(cell) : measured(cell),
            csv,
            measured(r -> raw(ours.apply(r)))),
        Column.of(
            "paper",
            row -> paperFormat.apply(paper.applyAsDouble(row)),
            csv + "_paper",
            row -> raw(paper.applyAsDouble(row))));
  }

  /**
   * Table 4 (not in the paper): COVID-19 against the rest, the figures a clinical reader asks
   * first, and the classes each evaluation's data holds; ranked by AUC.
   */
  public static Table table4(List<Run> runs) {
    List<Run> measured =
        runs.stream()
            .filter(r -> r.classification() != null && r.classification().covidVsRest() != null)
            .toList();
    Function<Run, Double> rankedBy = r -> r.classification().covidVsRest().auc();
    List<Run> ranked = rank(measured, rankedBy);
    Datasets data = new Datasets(ranked, CLASSIFICATION);
    List<Column<Row>> columns = new ArrayList<>(leading());
    columns.addAll(
        List.of(
            Column.same("classes in the data", "classes_present", measured(PaperTables::present)),
            binary("COVID-19 sensitivity", "sensitivity", b -> b.sensitivity()),
            binary("specificity", "specificity", b -> b.specificity()),
            binary("accuracy", "accuracy", b -> b.accuracy()),
            binary("AUC", "auc", b -> b.auc()),
            Column.of(
                "macro F1 (classes present)",
                measured(r -> f4(r.classification().f1Macro())),
                "f1_macro",
                measured(r -> raw(r.classification().f1Macro()))),
            Column.same(
                "slices", "samples", measured(r -> String.valueOf(r.classification().samples())))));
    columns.addAll(data.columns());
    return Table.of(
        "table4-covid-vs-rest",
        "**Table 4** (not in the paper). COVID-19 against every other class: sensitivity, "
            + "specificity, accuracy (predicted class COVID-19 or not) and the ROC AUC of S's "
            + "COVID-19 probability; the macro F1 averages the classes the data holds; ranked by "
            + "AUC. "
            + data.caption()
            + budget(measured),
        columns,
        measuredRows(ranked, rankedBy));
  }

  private static Column<Row> binary(
      String markdown, String csv, Function<ssm.report.BinaryFigures, Double> figure) {
    return Column.of(
        markdown,
        measured(r -> f4(figure.apply(r.classification().covidVsRest()))),
        csv,
        measured(r -> raw(figure.apply(r.classification().covidVsRest()))));
  }

  /** rank, variant and paper label: the first columns of Tables 2-4. */
  private static List<Column<Row>> leading() {
    return List.of(
        Column.same("rank", "rank", PaperTables::rankCell),
        Column.same("variant", "variant", row -> row.variant().name()),
        Column.same("paper label", "paper_label", row -> row.variant().paperLabel()));
  }

  private static String rankCell(Row row) {
    if (!row.measured()) {
      return "";
    }
    return row.rank() > 0 ? String.valueOf(row.rank()) : CANNOT_RANK;
  }

  /** The measured runs in rank order, then the variants not run in the paper's order. */
  private static List<Row> rows(
      List<Run> ranked, Function<Run, Double> rankedBy, List<Run> measured) {
    List<Row> rows = new ArrayList<>(measuredRows(ranked, rankedBy));
    notRun(measured).forEach(v -> rows.add(new Row(0, v, null)));
    return rows;
  }

  /**
   * The measured runs in rank order ({@link #rank}); a run whose figure is undefined comes last
   * without a rank.
   */
  private static List<Row> measuredRows(List<Run> ranked, Function<Run, Double> rankedBy) {
    List<Row> rows = new ArrayList<>();
    int rank = 0;
    for (Run r : ranked) {
      rows.add(new Row(rankedBy.apply(r) == null ? 0 : ++rank, r.variant(), r));
    }
    return rows;
  }

  private static String status(Row row) {
    return row.measured() ? MEASURED : NOT_RUN;
  }

  /** A cell of a measured run; empty for a variant not run. */
  private static Function<Row, String> measured(Function<Run, String> cell) {
    return row -> row.measured() ? cell.apply(row.run()) : "";
  }

  /** The first measured cell of a row: "not run" for a variant not run. */
  private static Function<Row, String> firstMeasured(Function<Run, String> cell) {
    return row -> row.measured() ? cell.apply(row.run()) : NOT_RUN;
  }

  private static String present(Run r) {
    List<String> names = r.classification().classesPresent();
    return names == null || names.isEmpty() ? "n/a" : String.join(" + ", names);
  }

  /** A caption sentence naming the classes absent from the evaluated data, or "". */
  private static String absentClasses(List<Run> runs) {
    Set<String> absent = new TreeSet<>();
    for (Run r : runs) {
      List<String> present = r.classification().classesPresent();
      if (present == null) {
        continue;
      }
      for (String c : r.classification().classesOrEmpty()) {
        if (!present.contains(c)) {
          absent.add(c);
        }
      }
    }
    return absent.isEmpty()
        ? ""
        : "The evaluated data holds no "
            + String.join(", ", absent)
            + " slice: its sensitivity is n/a (not measured), and the F1 weights are renormalised "
            + "over the classes present (Table 4 has the COVID-19-versus-rest figures). ";
  }

  /**
   * A preamble paragraph when some run was evaluated on data other than the built-in synthetic set:
   * these are measurements on that data at that run's budget, not the paper's results.
   */
  public static String dataNote(List<Run> runs) {
    List<String> real =
        runs.stream()
            .filter(r -> isReal(r.data(CLASSIFICATION)))
            .map(r -> r.dataset(CLASSIFICATION))
            .distinct()
            .toList();
    if (real.isEmpty()) {
      return "";
    }
    return "\n**Measured on the user's data, at the training budget of each run's config.conf** "
        + "(data: "
        + String.join("; ", real)
        + "; the budget ends each table's caption). These are real-data results of a short "
        + "budget, NOT the paper's results; the 'paper' columns are the paper's figures on its "
        + "own data, for reference only.\n";
  }

  private static boolean isReal(DataReference d) {
    return d != null && d.kind() == DataReference.Kind.REAL;
  }

  /** The training budget of a table's runs, as a paragraph of its own below the caption. */
  private static String budget(List<Run> measured) {
    String b = TrainingBudgets.caption(measured);
    return b.isEmpty() ? "" : "\n\n" + b;
  }

  /** Writes each table as {@code dir/<file>.md} and {@code .csv}, and all three in tables.md. */
  public static Path write(Path dir, List<Table> tables, String preamble) {
    try {
      Files.createDirectories(dir);
      StringBuilder all = new StringBuilder(preamble);
      for (Table t : tables) {
        Files.writeString(dir.resolve(t.file() + ".md"), t.markdown(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(t.file() + ".csv"), t.csv(), StandardCharsets.UTF_8);
        all.append('\n').append(t.markdown());
      }
      Path md = dir.resolve("tables.md");
      Files.writeString(md, all.toString(), StandardCharsets.UTF_8);
      return md;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the tables into " + dir, e);
    }
  }

  /** The datasets of the measured rows: named in the caption, a column when there are several. */
  private static final class Datasets {
    private final List<String> names = new ArrayList<>();
    private final boolean synthetic;
    private final String part;

    Datasets(List<Run> runs, String part) {
      this.part = part;
      runs.stream().map(r -> r.dataset(part)).distinct().forEach(names::add);
      synthetic = runs.stream().map(r -> r.data(part)).anyMatch(d -> d != null && d.synthetic());
    }

    /**
     * The CSV's dataset column, and in markdown the data set's number in the caption when there are
     * several.
     */
    List<Column<Row>> columns() {
      List<Column<Row>> c = new ArrayList<>();
      if (names.size() > 1) {
        c.add(
            Column.markdownOnly(
                "data", measured(r -> "[" + (names.indexOf(r.dataset(part)) + 1) + "]")));
      }
      c.add(Column.csvOnly("dataset", measured(r -> r.dataset(part))));
      return c;
    }

    String caption() {
      StringBuilder b = new StringBuilder();
      if (names.isEmpty()) {
        b.append("No variant evaluated yet. ");
      } else if (names.size() == 1) {
        b.append("Ours measured on: ").append(names.get(0)).append(". ");
      } else {
        b.append("Ours measured on SEVERAL data sets (column data): ");
        for (int i = 0; i < names.size(); i++) {
          b.append(i == 0 ? "" : "; ").append('[').append(i + 1).append("] ").append(names.get(i));
        }
        b.append(". ");
      }
      b.append("Paper figures: ")
          .append(
              part.equals(SEGMENTATION)
                  ? PaperResults.SEGMENTATION_DATA
                  : PaperResults.CLASSIFICATION_DATA)
          .append('.');
      if (synthetic) {
        b.append(" **Synthetic data: our figures are NOT comparable with the paper's.**");
      }
      return b.toString();
    }
  }

  private static Map<Variant, Run> index(List<Run> runs) {
    Map<Variant, Run> m = new LinkedHashMap<>();
    runs.forEach(r -> m.put(r.variant(), r));
    return m;
  }

  /** Descending by the key, an undefined key (null) last; ties in the paper's variant order. */
  private static List<Run> rank(List<Run> runs, Function<Run, Double> key) {
    return runs.stream()
        .sorted(
            Comparator.comparingDouble((Run r) -> orLowest(key.apply(r)))
                .reversed()
                .thenComparingInt(r -> Variant.all().indexOf(r.variant())))
        .toList();
  }

  private static Map<Variant, Integer> paperRank(ToDoubleFunction<Variant> key) {
    List<Variant> sorted =
        Variant.all().stream().sorted(Comparator.comparingDouble(key).reversed()).toList();
    Map<Variant, Integer> rank = new LinkedHashMap<>();
    for (int i = 0; i < sorted.size(); i++) {
      rank.put(sorted.get(i), i + 1);
    }
    return rank;
  }

  private static List<Variant> notRun(List<Run> measured) {
    List<Variant> done = measured.stream().map(Run::variant).toList();
    return Variant.all().stream().filter(v -> !done.contains(v)).toList();
  }

  /** An undefined figure (null in metrics.json) ranks last. */
  private static double orLowest(Double v) {
    return v == null ? Double.NEGATIVE_INFINITY : v;
  }

  private static Double percent(Double fraction) {
    return fraction == null ? null : fraction * 100;
  }

  static String f4(Double v) {
    return v == null ? "n/a" : String.format(Locale.ROOT, "%.4f", v);
  }

  static String f2(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  /**
   * Percent truncated to two decimals as the paper prints it (96.538 -> 96.53); the 1e-9 keeps a
   * value such as 96.54 whose binary form is 96.5399999... from losing its last digit.
   */
  static String trunc2(Double percent) {
    return percent == null
        ? "n/a"
        : String.format(Locale.ROOT, "%.2f", Math.floor(percent * 100 + 1e-9) / 100);
  }

  /** The low bound of an interval, or "". */
  private static String low(Ci95 ci) {
    return ci == null ? "" : String.valueOf(ci.low());
  }

  /** The high bound of an interval, or "". */
  private static String high(Ci95 ci) {
    return ci == null ? "" : String.valueOf(ci.high());
  }

  private static String raw(Double v) {
    return v == null ? "" : String.valueOf(v);
  }
}
