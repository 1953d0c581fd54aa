package ssm.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ssm.metrics.ClassificationMetrics;
import ssm.metrics.ConfidenceIntervals.Interval;

/**
 * The classification part of a report (Table 3): per-class figures keyed by class name, null where
 * not measured (a class absent from the data) or undefined.
 *
 * @param classes the class names in index order
 * @param confusion counts, rows true, columns predicted
 * @param f1Weighted the paper's weighted F1 (weights renormalised over the classes present)
 * @param f1Macro unweighted mean F1 of the classes present
 * @param accuracyCi95 Wilson's 95% interval of the accuracy, or null
 * @param covidVsRest COVID-19 against the other classes, or null
 */
public record ClassificationReport(
    @JsonProperty("classes") List<String> classes,
    @JsonProperty("confusion") List<List<Long>> confusion,
    @JsonProperty("sensitivity") Map<String, Double> sensitivity,
    @JsonProperty("precision") Map<String, Double> precision,
    @JsonProperty("f1") Map<String, Double> f1,
    @JsonProperty("accuracy") Double accuracy,
    @JsonProperty("accuracy_ci95") Ci95 accuracyCi95,
    @JsonProperty("f1_weighted") Double f1Weighted,
    @JsonProperty("f1_weights") Map<String, Double> f1Weights,
    @JsonProperty("f1_macro") Double f1Macro,
    @JsonProperty("auc") Map<String, Double> auc,
    @JsonProperty("samples") long samples,
    @JsonProperty("classes_present") List<String> classesPresent,
    @JsonProperty("covid_vs_rest") BinaryFigures covidVsRest) {

  public ClassificationReport {
    classes = Figures.copy(classes);
    confusion = confusion == null ? null : confusion.stream().map(List::copyOf).toList();
    sensitivity = Figures.copy(sensitivity);
    precision = Figures.copy(precision);
    f1 = Figures.copy(f1);
    f1Weights = Figures.copy(f1Weights);
    auc = Figures.copy(auc);
    classesPresent = Figures.copy(classesPresent);
  }

  /** From the metrics and the interval of the accuracy (may be null). */
  public static ClassificationReport of(ClassificationMetrics m, Interval accuracy) {
    List<String> names = m.classNames();
    List<List<Long>> confusion = new ArrayList<>();
    for (long[] row : m.confusion()) {
      confusion.add(java.util.Arrays.stream(row).boxed().toList());
    }
    return new ClassificationReport(
        names,
        confusion,
        Figures.perClass(names, m.sensitivity()),
        Figures.perClass(names, m.precision()),
        Figures.perClass(names, m.f1()),
        Figures.defined(m.accuracy()),
        Ci95.of(accuracy),
        Figures.defined(m.weightedF1()),
        Figures.perClass(names, m.f1Weights()),
        Figures.defined(m.macroF1()),
        Figures.perClass(names, m.auc()),
        m.samples(),
        m.presentClasses(),
        m.covidVsRest() == null ? null : BinaryFigures.of(m.covidVsRest()));
  }

  /** The sensitivity of class {@code name}, or null (not measured, or no such class). */
  public Double sensitivityOf(String name) {
    return sensitivity == null ? null : sensitivity.get(name);
  }

  /** The class names, empty when unknown. */
  public List<String> classesOrEmpty() {
    return classes == null ? List.of() : classes;
  }
}
