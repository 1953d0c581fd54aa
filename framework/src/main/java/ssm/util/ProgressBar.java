package ssm.util;

import java.io.PrintStream;
import java.time.Duration;

/**
 * A one-line progress bar on stderr: {@code label [=====> ] 12/100 3.1/s ETA 0:28 extra}. On a
 * terminal it redraws in place at most 5 times a second; otherwise (logs, CI) it prints a line at
 * every 10% so that logs stay short.
 */
public final class ProgressBar {
  private static final int WIDTH = 24;
  private final String label;
  private final long total;
  private final PrintStream out;
  private final boolean interactive;
  private long start = -1;
  private long startDone;
  private long lastDraw;
  private long lastDecile = -1;

  public ProgressBar(String label, long total) {
    this(label, total, System.err, System.console() != null);
  }

  public ProgressBar(String label, long total, PrintStream out, boolean interactive) {
    this.label = label;
    this.total = Math.max(total, 1);
    this.out = out;
    this.interactive = interactive;
  }

  /** Reports {@code done} of {@code total} items, with {@code extra} text (losses, say). */
  public void update(long done, String extra) {
    long now = System.nanoTime();
    if (start < 0) { // rates count from the first report, so set-up time does not distort them
      start = now;
      startDone = done;
    }
    long decile = done * 10 / total;
    boolean last = done >= total;
    if (interactive) {
      if (!last && now - lastDraw < 200_000_000L) {
        return;
      }
      lastDraw = now;
      out.print("\r" + line(done, now, extra) + "\033[K");
      if (last) {
        out.println();
      }
    } else if (decile != lastDecile || last) {
      lastDecile = decile;
      out.println(line(done, now, extra));
    }
    out.flush();
  }

  private String line(long done, long now, String extra) {
    double seconds = (now - start) / 1e9;
    double rate = seconds > 0 && done > startDone ? (done - startDone) / seconds : 0;
    int filled = (int) (WIDTH * Math.min(done, total) / total);
    String bar = "=".repeat(filled) + (filled < WIDTH ? ">" + " ".repeat(WIDTH - filled - 1) : "");
    String eta = rate > 0 && done < total ? " ETA " + format((long) ((total - done) / rate)) : "";
    String speed = rate > 0 ? String.format(" %.2f/s", rate) : "";
    return String.format(
        "%s [%s] %d/%d%s%s%s",
        label, bar, done, total, speed, eta, extra == null || extra.isEmpty() ? "" : " " + extra);
  }

  /** {@code h:mm:ss} or {@code m:ss}. */
  public static String format(long seconds) {
    Duration d = Duration.ofSeconds(seconds);
    return d.toHours() > 0
        ? String.format("%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart())
        : String.format("%d:%02d", d.toMinutesPart(), d.toSecondsPart());
  }
}
