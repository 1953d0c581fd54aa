package ssm.report;

import ssm.metrics.ClassificationMetrics;

/** One class ({@code positive}) against the rest: counts and figures, null where undefined. */
public record BinaryFigures(
    String positive,
    long tp,
    long fn,
    long fp,
    long tn,
    Double sensitivity,
    Double specificity,
    Double accuracy,
    Double auc) {

  public static BinaryFigures of(ClassificationMetrics.Binary b) {
    return new BinaryFigures(
        b.positive(),
        b.tp(),
        b.fn(),
        b.fp(),
        b.tn(),
        Figures.defined(b.sensitivity()),
        Figures.defined(b.specificity()),
        Figures.defined(b.accuracy()),
        Figures.defined(b.auc()));
  }
}
