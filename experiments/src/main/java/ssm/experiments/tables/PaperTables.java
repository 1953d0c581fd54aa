package ssm.experiments.tables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import ssm.experiments.Variant;
import ssm.run.RunFolder;

/**
 * The paper's Tables 1-3 rebuilt from evaluated runs ({@code metrics.json}, schema ssm-metrics/1),
 * each measured figure beside the paper's ({@link PaperResults}), as markdown and CSV.
 *
 * <p>Runs are found at {@code RUNS/<dir>/metrics.json} and {@code RUNS/<dir>/<dir>/metrics.json} (a
 * grid folder, or several shards' folders, merged); the variant is the file's {@code variant} key,
 * else its folder's name. When a variant appears twice, the newest file wins and a warning names
 * both. Variants without a run are listed as "not run". Each caption names the data the figures
 * were measured on, and says so loudly when it is the synthetic set, and ends with the runs'
 * training budget ({@link TrainingBudgets}).
 */
public final class PaperTables {
  private static final ObjectMapper JSON = new ObjectMapper();
  static final String NOT_RUN = "not run";
  private static final String SEGMENTATION = "segmentation";
  private static final String CLASSIFICATION = "classification";

  /** One evaluated run. */
  public record Run(Variant variant, Path file, JsonNode metrics) {
    /**
     * The data of one part ({@code segmentation} or {@code classification}): {@code
     * datasets.<part>} as ssm eval writes it, else the report's {@code dataset}.
     */
    String dataset(String part) {
      JsonNode d = metrics.at("/datasets/" + part);
      if (!d.isTextual()) {
        d = metrics.get("dataset");
      }
      return d == null || d.isNull() ? "unknown data" : d.asText();
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
      JsonNode m;
      try {
        m = JSON.readTree(f.toFile());
      } catch (IOException e) {
        warnings.add(f + ": not readable JSON (" + e.getMessage() + "); left out");
        continue;
      }
      String name =
          m.hasNonNull("variant")
              ? m.get("variant").asText()
              : f.getParent().getFileName().toString();
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

  /**
   * Table 1: parameters of all 12 variants: {@code parameters.total} of a run's metrics.json, else
   * {@code count} (the graph's parameters), beside the paper's printed figure and exact count.
   */
  public static Table table1(List<Run> runs, ToLongFunction<Variant> count) {
    Map<Variant, Run> byVariant = index(runs);
    List<List<String>> rows = new ArrayList<>();
    List<List<String>> csv = new ArrayList<>();
    for (Variant v : Variant.all()) {
      Run r = byVariant.get(v);
      JsonNode p = r == null ? null : r.metrics().at("/parameters/total");
      long n = p != null && p.isNumber() ? p.asLong() : count.applyAsLong(v);
      PaperResults.Parameters paper = PaperResults.parameters(v);
      rows.add(
          List.of(
              v.name(),
              v.paperLabel(),
              "ResNet" + v.depth(),
              String.valueOf(v.blocks()),
              String.valueOf(v.twoBranches() ? 2 : 1),
              String.format(Locale.ROOT, "%,d", n),
              paper.printed(),
              String.format(Locale.ROOT, "%,d", paper.exact()),
              n == paper.exact()
                  ? "yes"
                  : "NO (" + String.format(Locale.ROOT, "%+,d", n - paper.exact()) + ")"));
      csv.add(
          List.of(
              v.name(),
              v.paperLabel(),
              "ResNet" + v.depth(),
              String.valueOf(v.blocks()),
              v.regime().configName(),
              String.valueOf(v.twoBranches() ? 2 : 1),
              String.valueOf(n),
              paper.printed(),
              String.valueOf(paper.exact())));
    }
    return new Table(
        "table1-parameters",
        "**Table 1.** Parameters of the 12 variants, counted from each variant's graph (parameters "
            + "only, no BN buffers), beside the paper's printed figure and the exact count of the "
            + "reference architecture (docs/explanation/model.md#3-parameter-counts). Independent of any data.",
        List.of(
            "variant",
            "paper label",
            "backbone",
            "blocks",
            "branches",
            "parameters",
            "paper",
            "reference exact",
            "equal"),
        rows,
        List.of(
            "variant",
            "paper_label",
            "backbone",
            "blocks",
            "regime",
            "branches",
            "parameters",
            "parameters_paper_printed",
            "parameters_reference_exact"),
        csv);
  }

  /**
   * {@code "10 of 12 (6 with lesions, 2 skipped)"}: the slices the paper's per-image AP averaged
   * over, how many of them have lesions (the others are lesion-free slices without predictions,
   * each scoring 1), and the slices left out (just the scored count when the report has no totals).
   */
  private static String slicesScored(Run r) {
    return slicesScored(r.metrics().at("/segmentation/paper/images"));
  }

  /** The same, from the {@code segmentation.paper.images} node of a metrics report. */
  public static String slicesScored(com.fasterxml.jackson.databind.JsonNode images) {
    int scored = images.path("scored").asInt();
    int total = images.path("total").asInt();
    return total == 0
        ? String.valueOf(scored)
        : String.format(
            "%d of %d (%d with lesions, %d skipped)",
            scored, total, scored - images.path("empty").asInt(), images.path("skipped").asInt());
  }

  /** {@code "0.8123 [0.7011, 0.9012]"}: a figure and its 95% interval (a [low, high] node). */
  static String withInterval(Double value, com.fasterxml.jackson.databind.JsonNode ci) {
    if (value == null) {
      return f4(null);
    }
    return ci.isArray() && ci.size() == 2
        ? String.format(
            Locale.ROOT, "%.4f [%.4f, %.4f]", value, ci.get(0).asDouble(), ci.get(1).asDouble())
        : f4(value);
  }

  /** Table 2: the paper's per-image mask AP, ranked by AP@[.5:.95]. */
  public static Table table2(List<Run> runs) {
    List<Run> measured =
        runs.stream().filter(r -> r.metrics().at("/segmentation/paper").isObject()).toList();
    List<Run> ranked = rank(measured, r -> orLowest(number(r, "/segmentation/paper/ap")));
    Map<Variant, Integer> paperRank = paperRank(v -> PaperResults.segmentation(v).ap());
    Datasets data = new Datasets(ranked, SEGMENTATION);
    List<List<String>> rows = new ArrayList<>();
    List<List<String>> csv = new ArrayList<>();
    int rank = 0;
    for (Run r : ranked) {
      rank++;
      PaperResults.Segmentation p = PaperResults.segmentation(r.variant());
      Double ap50 = number(r, "/segmentation/paper/ap50");
      Double ap75 = number(r, "/segmentation/paper/ap75");
      Double ap = number(r, "/segmentation/paper/ap");
      List<String> row =
          new ArrayList<>(
              List.of(
                  String.valueOf(rank),
                  r.variant().name(),
                  r.variant().paperLabel(),
                  f4(ap50),
                  f4(p.ap50()),
                  f4(ap75),
                  f4(p.ap75()),
                  f4(ap),
                  f4(p.ap()),
                  String.valueOf(paperRank.get(r.variant())),
                  slicesScored(r),
                  withInterval(ap50, r.metrics().at("/segmentation/paper/ap50_ci95")),
                  withInterval(
                      number(r, "/segmentation/coco_segm/AP50"),
                      r.metrics().at("/segmentation/coco_segm/ap50_ci95"))));
      data.addColumn(row, r);
      rows.add(row);
      csv.add(
          List.of(
              String.valueOf(rank),
              r.variant().name(),
              r.variant().paperLabel(),
              "measured",
              raw(ap50),
              raw(p.ap50()),
              raw(ap75),
              raw(p.ap75()),
              raw(ap),
              raw(p.ap()),
              String.valueOf(paperRank.get(r.variant())),
              String.valueOf(r.metrics().at("/segmentation/paper/images/scored").asInt()),
              String.valueOf(r.metrics().at("/segmentation/paper/images/total").asInt()),
              ciBound(r, "/segmentation/paper/ap50_ci95", 0),
              ciBound(r, "/segmentation/paper/ap50_ci95", 1),
              raw(number(r, "/segmentation/coco_segm/AP50")),
              ciBound(r, "/segmentation/coco_segm/ap50_ci95", 0),
              ciBound(r, "/segmentation/coco_segm/ap50_ci95", 1),
              r.dataset(SEGMENTATION)));
    }
    for (Variant v : notRun(measured)) {
      PaperResults.Segmentation p = PaperResults.segmentation(v);
      List<String> row =
          new ArrayList<>(
              List.of(
                  "",
                  v.name(),
                  v.paperLabel(),
                  NOT_RUN,
                  f4(p.ap50()),
                  "",
                  f4(p.ap75()),
                  "",
                  f4(p.ap()),
                  String.valueOf(paperRank.get(v)),
                  "",
                  "",
                  ""));
      data.addEmptyColumn(row);
      rows.add(row);
      csv.add(
          List.of(
              "",
              v.name(),
              v.paperLabel(),
              NOT_RUN,
              "",
              raw(p.ap50()),
              "",
              raw(p.ap75()),
              "",
              raw(p.ap()),
              String.valueOf(paperRank.get(v)),
              "",
              "",
              "",
              "",
              "",
              "",
              "",
              ""));
    }
    List<String> header =
        new ArrayList<>(
            List.of(
                "rank",
                "variant",
                "paper label",
                "AP@0.5",
                "paper",
                "AP@0.75",
                "paper",
                "AP@[.5:.95]",
                "paper",
                "paper rank",
                "slices scored",
                "AP@0.5 [95% interval]",
                "COCO segm AP50 [95% interval]"));
    data.addHeader(header);
    return new Table(
        "table2-segmentation",
        "**Table 2.** Lesion segmentation: the paper's per-image mask AP (mean over test slices; "
            + "docs/explanation/model.md#71-paper-ap, docs/reference/metrics.md), ranked by AP@[.5:.95]; each paper "
            + "figure is in the "
            + "column after ours. By the paper's rule a slice with no lesion and no prediction "
            + "scores 1 and a slice with only one of the two is skipped, so a model that predicts "
            + "nothing scores 1 on the slices it is scored on: read AP with its \"slices scored\" "
            + "column. The 95% intervals are the percentile bootstrap over the test slices; COCO "
            + "segm AP50 (pycocotools' AP at IoU 0.5 over all slices) has no paper figure. "
            + data.caption()
            + budget(measured),
        header,
        rows,
        List.of(
            "rank",
            "variant",
            "paper_label",
            "status",
            "ap50",
            "ap50_paper",
            "ap75",
            "ap75_paper",
            "ap",
            "ap_paper",
            "paper_rank",
            "images_scored",
            "images_total",
            "ap50_ci95_low",
            "ap50_ci95_high",
            "coco_segm_ap50",
            "coco_segm_ap50_ci95_low",
            "coco_segm_ap50_ci95_high",
            "dataset"),
        csv);
  }

  /** Table 3: sensitivities, accuracy and the paper's weighted F1, ranked by F1. */
  public static Table table3(List<Run> runs) {
    List<Run> measured =
        runs.stream().filter(r -> r.metrics().at("/classification").isObject()).toList();
    List<Run> ranked = rank(measured, r -> orLowest(number(r, "/classification/f1_weighted")));
    Map<Variant, Integer> paperRank = paperRank(v -> PaperResults.classification(v).f1());
    Datasets data = new Datasets(ranked, CLASSIFICATION);
    List<List<String>> rows = new ArrayList<>();
    List<List<String>> csv = new ArrayList<>();
    int rank = 0;
    for (Run r : ranked) {
      rank++;
      PaperResults.Classification p = PaperResults.classification(r.variant());
      Double covid = percent(number(r, "/classification/sensitivity/COVID-19"));
      Double cp = percent(number(r, "/classification/sensitivity/CP"));
      Double normal = percent(number(r, "/classification/sensitivity/Normal"));
      Double acc = percent(number(r, "/classification/accuracy"));
      Double f1 = number(r, "/classification/f1_weighted");
      List<String> row =
          new ArrayList<>(
              List.of(
                  String.valueOf(rank),
                  r.variant().name(),
                  r.variant().paperLabel(),
                  trunc2(covid),
                  f2(p.sensitivityCovid()),
                  trunc2(cp),
                  f2(p.sensitivityCp()),
                  trunc2(normal),
                  f2(p.sensitivityNormal()),
                  trunc2(acc),
                  f2(p.accuracy()),
                  f4(f1),
                  f4(p.f1()),
                  String.valueOf(paperRank.get(r.variant())),
                  String.valueOf(r.metrics().at("/classification/samples").asLong()),
                  withInterval(
                      number(r, "/classification/accuracy"),
                      r.metrics().at("/classification/accuracy_ci95"))));
      data.addColumn(row, r);
      rows.add(row);
      csv.add(
          List.of(
              String.valueOf(rank),
              r.variant().name(),
              r.variant().paperLabel(),
              "measured",
              raw(covid),
              raw(p.sensitivityCovid()),
              raw(cp),
              raw(p.sensitivityCp()),
              raw(normal),
              raw(p.sensitivityNormal()),
              raw(acc),
              raw(p.accuracy()),
              raw(f1),
              raw(p.f1()),
              String.valueOf(paperRank.get(r.variant())),
              String.valueOf(r.metrics().at("/classification/samples").asLong()),
              ciBound(r, "/classification/accuracy_ci95", 0),
              ciBound(r, "/classification/accuracy_ci95", 1),
              r.dataset(CLASSIFICATION)));
    }
    for (Variant v : notRun(measured)) {
      PaperResults.Classification p = PaperResults.classification(v);
      List<String> row =
          new ArrayList<>(
              List.of(
                  "",
                  v.name(),
                  v.paperLabel(),
                  NOT_RUN,
                  f2(p.sensitivityCovid()),
                  "",
                  f2(p.sensitivityCp()),
                  "",
                  f2(p.sensitivityNormal()),
                  "",
                  f2(p.accuracy()),
                  "",
                  f4(p.f1()),
                  String.valueOf(paperRank.get(v)),
                  "",
                  ""));
      data.addEmptyColumn(row);
      rows.add(row);
      csv.add(
          List.of(
              "",
              v.name(),
              v.paperLabel(),
              NOT_RUN,
              "",
              raw(p.sensitivityCovid()),
              "",
              raw(p.sensitivityCp()),
              "",
              raw(p.sensitivityNormal()),
              "",
              raw(p.accuracy()),
              "",
              raw(p.f1()),
              String.valueOf(paperRank.get(v)),
              "",
              "",
              "",
              ""));
    }
    List<String> header =
        new ArrayList<>(
            List.of(
                "rank",
                "variant",
                "paper label",
                "sens. COVID-19 %",
                "paper",
                "sens. CP %",
                "paper",
                "sens. Normal %",
                "paper",
                "accuracy %",
                "paper",
                "F1",
                "paper",
                "paper rank",
                "n",
                "accuracy [95% interval]"));
    data.addHeader(header);
    return new Table(
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
        header,
        rows,
        List.of(
            "rank",
            "variant",
            "paper_label",
            "status",
            "sensitivity_covid",
            "sensitivity_covid_paper",
            "sensitivity_cp",
            "sensitivity_cp_paper",
            "sensitivity_normal",
            "sensitivity_normal_paper",
            "accuracy",
            "accuracy_paper",
            "f1",
            "f1_paper",
            "paper_rank",
            "samples",
            "accuracy_ci95_low",
            "accuracy_ci95_high",
            "dataset"),
        csv);
  }

  /**
   * Table 4 (not in the paper): COVID-19 against the rest, the figures a clinical reader asks
   * first, and the classes each evaluation's data holds; ranked by AUC.
   */
  public static Table table4(List<Run> runs) {
    List<Run> measured =
        runs.stream()
            .filter(r -> r.metrics().at("/classification/covid_vs_rest").isObject())
            .toList();
    List<Run> ranked =
        rank(measured, r -> orLowest(number(r, "/classification/covid_vs_rest/auc")));
    Datasets data = new Datasets(ranked, CLASSIFICATION);
    List<List<String>> rows = new ArrayList<>();
    List<List<String>> csv = new ArrayList<>();
    int rank = 0;
    for (Run r : ranked) {
      rank++;
      String v = "/classification/covid_vs_rest/";
      Double sens = number(r, v + "sensitivity");
      Double spec = number(r, v + "specificity");
      Double acc = number(r, v + "accuracy");
      Double auc = number(r, v + "auc");
      Double macro = number(r, "/classification/f1_macro");
      String present = present(r);
      List<String> row =
          new ArrayList<>(
              List.of(
                  String.valueOf(rank),
                  r.variant().name(),
                  r.variant().paperLabel(),
                  present,
                  f4(sens),
                  f4(spec),
                  f4(acc),
                  f4(auc),
                  f4(macro),
                  String.valueOf(r.metrics().at("/classification/samples").asLong())));
      data.addColumn(row, r);
      rows.add(row);
      csv.add(
          List.of(
              String.valueOf(rank),
              r.variant().name(),
              r.variant().paperLabel(),
              present,
              raw(sens),
              raw(spec),
              raw(acc),
              raw(auc),
              raw(macro),
              String.valueOf(r.metrics().at("/classification/samples").asLong()),
              r.dataset(CLASSIFICATION)));
    }
    List<String> header =
        new ArrayList<>(
            List.of(
                "rank",
                "variant",
                "paper label",
                "classes in the data",
                "COVID-19 sensitivity",
                "specificity",
                "accuracy",
                "AUC",
                "macro F1 (classes present)",
                "slices"));
    data.addHeader(header);
    return new Table(
        "table4-covid-vs-rest",
        "**Table 4** (not in the paper). COVID-19 against every other class: sensitivity, "
            + "specificity, accuracy (predicted class COVID-19 or not) and the ROC AUC of S's "
            + "COVID-19 probability; the macro F1 averages the classes the data holds; ranked by "
            + "AUC. "
            + data.caption()
            + budget(measured),
        header,
        rows,
        List.of(
            "rank",
            "variant",
            "paper_label",
            "classes_present",
            "sensitivity",
            "specificity",
            "accuracy",
            "auc",
            "f1_macro",
            "samples",
            "dataset"),
        csv);
  }

  private static String present(Run r) {
    List<String> names = new ArrayList<>();
    r.metrics().at("/classification/classes_present").forEach(n -> names.add(n.asText()));
    return names.isEmpty() ? "n/a" : String.join(" + ", names);
  }

  /** A caption sentence naming the classes absent from the evaluated data, or "". */
  private static String absentClasses(List<Run> runs) {
    java.util.Set<String> absent = new java.util.TreeSet<>();
    for (Run r : runs) {
      JsonNode present = r.metrics().at("/classification/classes_present");
      if (!present.isArray()) {
        continue;
      }
      List<String> p = new ArrayList<>();
      present.forEach(n -> p.add(n.asText()));
      r.metrics()
          .at("/classification/classes")
          .forEach(
              n -> {
                if (!p.contains(n.asText())) {
                  absent.add(n.asText());
                }
              });
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
            .map(r -> r.dataset(CLASSIFICATION))
            .filter(d -> !d.startsWith("synthetic") && !d.equals("unknown data"))
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
    private final String part;

    Datasets(List<Run> runs, String part) {
      this.part = part;
      runs.stream().map(r -> r.dataset(part)).distinct().forEach(names::add);
    }

    void addColumn(List<String> row, Run r) {
      if (names.size() > 1) {
        row.add("[" + (names.indexOf(r.dataset(part)) + 1) + "]");
      }
    }

    void addEmptyColumn(List<String> row) {
      if (names.size() > 1) {
        row.add("");
      }
    }

    void addHeader(List<String> header) {
      if (names.size() > 1) {
        header.add("data");
      }
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
      if (names.stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).startsWith("synthetic"))) {
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

  /** Descending by the key; ties in the paper's variant order. */
  private static List<Run> rank(List<Run> runs, ToDoubleFunction<Run> key) {
    return runs.stream()
        .sorted(
            Comparator.comparingDouble(key)
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

  private static Double number(Run r, String pointer) {
    JsonNode n = r.metrics().at(pointer);
    return n.isNumber() ? n.asDouble() : null;
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

  /** Bound {@code i} (0 low, 1 high) of the [low, high] interval at {@code pointer}, or "". */
  private static String ciBound(Run r, String pointer, int i) {
    var ci = r.metrics().at(pointer);
    return ci.isArray() && ci.size() == 2 ? String.valueOf(ci.get(i).asDouble()) : "";
  }

  private static String raw(Double v) {
    return v == null ? "" : String.valueOf(v);
  }
}
