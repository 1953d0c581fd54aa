package ssm.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The non-interactive progress bar: one line per tenth, no rate before the second report. */
class ProgressBarTest {

  @Test
  void logsOneLinePerTenthAndNoRateOnTheFirstReport() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProgressBar bar =
        new ProgressBar("train", 20, new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
    for (int i = 1; i <= 20; i++) {
      bar.update(i, "loss 0.5");
    }
    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    // 20 steps, a line whenever done * 10 / 20 changes: at 1, 2, 4, ..., 20 -> 11 lines
    assertEquals(11, lines.length);
    assertTrue(lines[0].startsWith("train [=>"), lines[0]);
    assertTrue(lines[0].contains(" 1/20 loss 0.5"), lines[0]);
    assertFalse(lines[0].contains("/s"), "no rate from a single report: " + lines[0]);
    assertTrue(lines[10].contains("[========================] 20/20"), lines[10]);
  }

  @Test
  void formatsDurations() {
    assertEquals("0:59", ProgressBar.format(59));
    assertEquals("1:01:01", ProgressBar.format(3661));
  }
}
