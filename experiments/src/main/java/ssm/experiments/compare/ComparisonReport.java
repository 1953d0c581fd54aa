package ssm.experiments.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import ssm.stats.Holm;

/**
 * The comparisons of several runs with one baseline, with Holm's correction over every p-value
 * printed, as a markdown table: a run's figure is marked {@value #MARK} where its Holm-adjusted p
 * is below {@value #ALPHA}.
 */
public record ComparisonReport(String baseline, List<FigureComparison> rows, double[] holm) {
  public static final double ALPHA = 0.05;
  public static final String MARK = "*";

  /** Adjusts the p-values of all rows together (rows without one stay out of the family). */
  public static ComparisonReport of(String baseline, List<FigureComparison> rows) {
    double[] p = rows.stream().mapToDouble(FigureComparison::p).toArray();
    return new ComparisonReport(baseline, List.copyOf(rows), Holm.adjust(p));
  }

  /** The Holm-adjusted p of row i (NaN where the row has no test). */
  public double adjusted(int i) {
    return holm[i];
  }

  public boolean significant(int i) {
    return !Double.isNaN(holm[i]) && holm[i] < ALPHA;
  }

  /** How many p-values Holm's correction was taken over. */
  public int family() {
    return (int) rows.stream().filter(FigureComparison::tested).count();
  }

  public String markdown() {
    StringBuilder b = new StringBuilder();
    b.append("Against ").append(baseline).append(" (difference = run - baseline):\n\n");
    b.append(
        "| run | figure | baseline | run | difference | 95% interval | p | Holm p | sig. | test |\n");
    b.append("|---|---|---|---|---|---|---|---|---|---|\n");
    List<String> notes = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      FigureComparison r = rows.get(i);
      String p;
      String adjusted;
      if (r.tested()) {
        p = pValue(r.p());
        adjusted = pValue(holm[i]);
      } else {
        notes.add(r.run() + ", " + r.figure() + ": " + r.note());
        p = "n/a [" + notes.size() + "]";
        adjusted = "n/a";
      }
      b.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
              r.run(),
              r.figure(),
              number(r.baseline()),
              number(r.value()),
              signed(r.difference()),
              Double.isNaN(r.low()) ? "n/a" : "[" + signed(r.low()) + ", " + signed(r.high()) + "]",
              p,
              adjusted,
              significant(i) ? MARK : "",
              r.test()));
    }
    b.append(
        String.format(
            Locale.ROOT,
            "%n%s: significant at %.2f after Holm's correction over the %d p-value(s) above.%n",
            MARK,
            ALPHA,
            family()));
    for (int i = 0; i < notes.size(); i++) {
      b.append("[").append(i + 1).append("] ").append(notes.get(i)).append('\n');
    }
    return b.toString();
  }

  private static String number(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
  }

  private static String signed(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%+.3f", v);
  }

  /** Three significant digits, and "< 0.001" below that. */
  static String pValue(double p) {
    return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
  }
}
