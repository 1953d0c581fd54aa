package ssm.experiments.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonReportTest {
  private static FigureComparison row(String run, double p, String note) {
    return new FigureComparison(run, "accuracy", 0.5, 0.6, -0.1, 0.3, p, "exact McNemar", note);
  }

  @Test
  void holmOverThePrintedPValuesMarksWhatSurvives() {
    // family: 0.01, 0.04, 0.03 (the untestable row stays out): m = 3
    // ascending 0.01 x 3 = 0.03, 0.03 x 2 = 0.06, 0.04 x 1 = 0.04 -> running max 0.06
    // only the first is below 0.05 after the correction, though all three are below it alone
    ComparisonReport r =
        ComparisonReport.of(
            "runs/a",
            List.of(
                row("runs/b", 0.01, ""),
                row("runs/c", 0.04, ""),
                row("runs/d", Double.NaN, "cannot separate: 3 discordant slice(s)"),
                row("runs/e", 0.03, "")));
    assertEquals(3, r.family());
    assertEquals(0.03, r.adjusted(0), 1e-12);
    assertEquals(0.06, r.adjusted(1), 1e-12);
    assertTrue(Double.isNaN(r.adjusted(2)));
    assertEquals(0.06, r.adjusted(3), 1e-12);
    assertTrue(r.significant(0));
    assertFalse(r.significant(1) || r.significant(2) || r.significant(3));

    String text = r.markdown();
    assertTrue(
        text.contains(
            "| runs/b | accuracy | 0.500 | 0.600 | +0.100 | [-0.100, +0.300] | 0.010 | 0.030 | *"
                + " | exact McNemar |"),
        text);
    assertTrue(
        text.contains(
            "| runs/d | accuracy | 0.500 | 0.600 | +0.100 | [-0.100, +0.300] | n/a [1] | n/a |  |"),
        text);
    assertTrue(text.contains("[1] runs/d, accuracy: cannot separate: 3 discordant slice(s)"), text);
    assertTrue(text.contains("over the 3 p-value(s)"), text);
  }

  @Test
  void tinyPValuesAreNotPrintedAsZero() {
    assertEquals("< 0.001", ComparisonReport.pValue(2e-7));
    assertEquals("0.031", ComparisonReport.pValue(0.03125));
  }
}
