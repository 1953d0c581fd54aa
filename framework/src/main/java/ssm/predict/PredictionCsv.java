package ssm.predict;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import ssm.data.ClassificationExample;
import ssm.data.SliceCollection;

/**
 * One CSV row per predicted slice, for spreadsheets and pandas: {@value #HEADER}, and with ground
 * truth ({@code predict --truth}) {@value #TRUTH_COLUMNS} after it. Probabilities are written as
 * Java writes a float (the values of the JSON output, digit for digit); the lesion area fraction is
 * {@link Prediction#lesionAreaFraction()} with 6 decimals; the collection is the file name's
 * ({@link SliceCollection#fromFileName}), so that a table of several sources splits by it. Fields
 * holding a comma, quote or line break are quoted (RFC 4180).
 */
public final class PredictionCsv {
  /** The header line. */
  public static final String HEADER =
      "file,class,p_normal,p_cp,p_covid,lesions,lesion_area_fraction,collection";

  /** The columns ground truth adds: its lesions and how many of them were found. */
  public static final String TRUTH_COLUMNS = ",truth_lesions,truth_found";

  private PredictionCsv() {}

  /** The header line, with {@link #TRUTH_COLUMNS} when {@code withTruth}. */
  public static String header(boolean withTruth) {
    return withTruth ? HEADER + TRUTH_COLUMNS : HEADER;
  }

  /**
   * The row of {@code p} with the truth columns when {@code truth} is not null (as {@link
   * #row(String, Prediction)} when it is).
   */
  public static String row(String file, Prediction p, TruthMatch truth) {
    String row = row(file, p);
    return truth == null ? row : row + "," + truth.lesions() + "," + truth.found();
  }

  /** The row of {@code p}, predicted from {@code file}, without a line break. */
  public static String row(String file, Prediction p) {
    List<String> fields = new ArrayList<>();
    fields.add(quote(file));
    fields.add(ClassificationExample.CLASS_NAMES[p.predictedClass()]);
    for (float prob : p.classProbabilities()) {
      fields.add(Float.toString(prob));
    }
    fields.add(Integer.toString(p.lesions().size()));
    fields.add(String.format(Locale.ROOT, "%.6f", p.lesionAreaFraction()));
    fields.add(quote(SliceCollection.fromFileName(file)));
    return String.join(",", fields);
  }

  static String quote(String field) {
    if (field.contains(",")
        || field.contains("\"")
        || field.contains("\n")
        || field.contains("\r")) {
      return "\"" + field.replace("\"", "\"\"") + "\"";
    }
    return field;
  }
}
