package ssm.experiments.tables;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import ssm.experiments.run.SeedRuns;
import ssm.report.Ci95;
import ssm.report.ClassificationReport;
import ssm.report.DataReference;
import ssm.report.ImageCounts;
import ssm.report.MetricsReport;
import ssm.report.MetricsReports;
import ssm.run.Provenance;
import ssm.run.RunFolder;
import ssm.settings.Variant;

/**
 * A section of RESULTS.md produced from a grid's runs ({@code ssm results}): each variant's figures
 * with their 95% intervals from its metrics.json, the test sets and their sizes, and the command,
 * commit, CPU and wall time from the grid's provenance.json. The section lies between {@code <!--
 * results:NAME:begin -->} and {@code <!-- results:NAME:end -->}; only that text is replaced.
 */
public final class ResultsSection {
  private ResultsSection() {}

  /** One evaluated run of the grid. */
  public record Run(String name, MetricsReport report) {}

  /** The begin marker of section {@code name}. */
  public static String begin(String name) {
    return "<!-- results:" + name + ":begin -->";
  }

  /** The end marker of section {@code name}. */
  public static String end(String name) {
    return "<!-- results:" + name + ":end -->";
  }

  /**
   * The runs of {@code gridDir}: each folder below it holding metrics.json, seed 1 of each run
   * trained with {@code --seeds} (the other seeds are Table 5's), in the order of the paper's
   * variants (other names after them, alphabetically).
   */
  public static List<Run> scan(Path gridDir) throws IOException {
    if (!Files.isDirectory(gridDir)) {
      throw new IllegalArgumentException(gridDir + ": no such folder");
    }
    List<Run> runs = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(gridDir)) {
      for (Path dir : dirs.filter(Files::isDirectory).toList()) {
        Path metrics = new RunFolder(dir).metrics();
        if (Files.isRegularFile(metrics) && SeedRuns.index(dir.getFileName().toString()) == 1) {
          runs.add(new Run(dir.getFileName().toString(), MetricsReports.read(metrics)));
        }
      }
    }
    List<String> order = Variant.all().stream().map(Variant::name).toList();
    runs.sort(
        Comparator.<Run>comparingInt(
                r -> order.contains(r.name()) ? order.indexOf(r.name()) : order.size())
            .thenComparing(Run::name));
    return runs;
  }

  /**
   * The section's markdown, markers included.
   *
   * @param command the command that produced it, quoted in the section
   * @param provenance the grid folder's records (the newest is quoted), or none
   * @param more tables that follow the figures in the section (Table 5 of the seeds and the
   *     significance table, where the grid has them)
   */
  public static String render(
      String name,
      String command,
      List<Run> runs,
      Provenance provenance,
      List<PaperTables.Table> more) {
    StringBuilder b = new StringBuilder();
    b.append(begin(name)).append('\n');
    b.append("<!-- written by ")
        .append(command)
        .append("; edits between the markers are lost -->\n");
    Optional<Provenance.Record> rec = provenance.last();
    if (rec.isPresent()) {
      Provenance.Record r = rec.get();
      b.append("\n| | |\n|---|---|\n");
      b.append("| command | `").append(r.command()).append("` |\n");
      b.append("| commit | ").append(shortCommit(r.commit())).append(" |\n");
      b.append("| CPU | ").append(cpu(r.cpu())).append(" |\n");
      b.append("| wall time | ").append(wall(r)).append(" |\n");
      b.append("| Java, TensorFlow Java | ")
          .append(r.java())
          .append(", ")
          .append(r.tensorflowJava())
          .append(" |\n");
    } else {
      b.append(
          "\nNo provenance.json in the grid's folder: command, commit, CPU and wall time"
              + " unknown.\n");
    }
    b.append('\n').append(testSets(runs)).append('\n');
    b.append(
        "\n| variant | COCO segm AP50 [95%] | paper AP@0.5 (slices scored; with lesions) |"
            + " accuracy [95%] (n) |\n|---|---|---|---|\n");
    for (Run run : runs) {
      MetricsReport m = run.report();
      var seg = m.segmentation();
      ClassificationReport cls = m.classification();
      String coco =
          seg == null || seg.cocoSegm() == null
              ? "-"
              : withInterval(seg.cocoSegm().ap50(), seg.cocoSegm().ap50Ci95(), "%.3f");
      String paper = "-";
      if (seg != null && seg.paper() != null) {
        ImageCounts n = seg.paper().images();
        paper =
            fmt("%.4f", seg.paper().ap50())
                + (n == null
                    ? ""
                    : String.format(Locale.ROOT, " (%d; %d)", n.scored(), n.scored() - n.empty()));
      }
      String acc =
          cls == null
              ? "-"
              : withInterval(cls.accuracy(), cls.accuracyCi95(), "%.3f")
                  + " ("
                  + cls.samples()
                  + ")";
      b.append("| ")
          .append(run.name())
          .append(" | ")
          .append(coco)
          .append(" | ")
          .append(paper)
          .append(" | ")
          .append(acc)
          .append(" |\n");
    }
    if (runs.size() > 1) {
      b.append("\nOver the ")
          .append(runs.size())
          .append(" variants: COCO segm AP50 ")
          .append(
              range(
                  runs,
                  r ->
                      r.segmentation() == null || r.segmentation().cocoSegm() == null
                          ? null
                          : r.segmentation().cocoSegm().ap50(),
                  "%.2f"))
          .append(", paper AP@0.5 ")
          .append(
              range(
                  runs,
                  r ->
                      r.segmentation() == null || r.segmentation().paper() == null
                          ? null
                          : r.segmentation().paper().ap50(),
                  "%.2f"))
          .append(", accuracy ")
          .append(
              range(
                  runs,
                  r -> r.classification() == null ? null : r.classification().accuracy(),
                  "%.2f"))
          .append(".\n");
    }
    more.forEach(t -> b.append('\n').append(t.markdown()));
    b.append(end(name));
    return b.toString();
  }

  /**
   * {@code document} with the text between section {@code name}'s markers (markers included)
   * replaced by {@code section}.
   *
   * @throws IllegalArgumentException when the markers are missing, repeated or out of order
   */
  public static String replace(String document, String name, String section) {
    String begin = begin(name);
    String end = end(name);
    int i = document.indexOf(begin);
    int j = document.indexOf(end);
    if (i < 0
        || j < 0
        || j < i
        || document.indexOf(begin, i + 1) >= 0
        || document.indexOf(end, j + 1) >= 0) {
      throw new IllegalArgumentException(
          "the file needs one " + begin + " followed by one " + end + " line");
    }
    return document.substring(0, i) + section + document.substring(j + end.length());
  }

  private static String testSets(List<Run> runs) {
    List<String> parts = new ArrayList<>();
    DataReference seg = first(runs, r -> r.datasets().segmentation());
    DataReference cls = first(runs, r -> r.datasets().classification());
    if (seg != null) {
      parts.add("segmentation: " + data(seg));
    }
    if (cls != null) {
      parts.add("classification: " + data(cls));
    }
    return parts.isEmpty()
        ? "Test sets: not recorded in the reports."
        : "Test sets (from the first report; every run of a grid reads the same): "
            + String.join("; ", parts)
            + ".";
  }

  /**
   * Synthetic data by its generator's seed, size and the part's path inside the generated folder,
   * never the folder's own path (which names the machine the grid ran on).
   */
  private static String data(DataReference d) {
    StringBuilder b = new StringBuilder();
    if (d.synthetic() && d.seed() != null && d.size() != null && d.path() != null) {
      b.append(
          String.format(
              Locale.ROOT,
              "synthetic (built-in generator, seed %d, %d px) %s",
              d.seed(),
              d.size(),
              d.path()));
    } else {
      b.append(
          d.description() == null ? d.kind().name().toLowerCase(Locale.ROOT) : d.description());
    }
    if (d.slices() != null) {
      b.append(", ").append(d.slices()).append(" slices");
    }
    return b.toString();
  }

  private static DataReference first(List<Run> runs, Function<MetricsReport, DataReference> f) {
    return runs.stream()
        .map(r -> f.apply(r.report()))
        .filter(java.util.Objects::nonNull)
        .findFirst()
        .orElse(null);
  }

  private static String range(List<Run> runs, Function<MetricsReport, Double> f, String format) {
    DoubleSummaryStatistics s =
        runs.stream()
            .map(r -> f.apply(r.report()))
            .filter(java.util.Objects::nonNull)
            .mapToDouble(Double::doubleValue)
            .summaryStatistics();
    return s.getCount() == 0 ? "-" : fmt(format, s.getMin()) + "-" + fmt(format, s.getMax());
  }

  private static String withInterval(Double value, Ci95 ci, String format) {
    if (value == null) {
      return "-";
    }
    String v = fmt(format, value);
    return ci == null ? v : v + " [" + fmt(format, ci.low()) + ", " + fmt(format, ci.high()) + "]";
  }

  private static String fmt(String format, Double value) {
    return value == null ? "-" : String.format(Locale.ROOT, format, value);
  }

  private static String shortCommit(String commit) {
    return commit != null && commit.matches("[0-9a-f]{40}") ? commit.substring(0, 7) : commit;
  }

  private static String cpu(Provenance.Cpu cpu) {
    if (cpu == null) {
      return "unknown";
    }
    String features = cpu.present();
    return String.format(
        Locale.ROOT,
        "%s, %d processors (%s)%s",
        cpu.model(),
        cpu.processors(),
        cpu.arch(),
        features.isEmpty() ? "" : "; " + features);
  }

  private static String wall(Provenance.Record r) {
    if (r.wallSeconds() == null) {
      return "unknown (the command had not ended when the record was written)";
    }
    double s = r.wallSeconds();
    return String.format(
        Locale.ROOT,
        "%.1f min (%,d s; the command alone, the jar build not included)%s",
        s / 60,
        Math.round(s),
        r.exitCode() != null && r.exitCode() != 0 ? "; exit code " + r.exitCode() : "");
  }
}
