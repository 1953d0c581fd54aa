package ssm.experiments.runs;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import ssm.events.ScalarSeries.Point;

/**
 * A figure of one tag family (e.g. every {@code loss/...} tag) drawn with Java2D: one panel per
 * tag, the runs overlaid in each with the same colour throughout, axes with ticks at round numbers
 * (step on x, value on y) and one legend of the runs under the panels.
 */
public final class CurvePlot {
  /** One panel: a tag and each run's points of it. */
  public record Panel(String tag, Map<String, List<Point>> runs) {}

  static final int PANEL_WIDTH = 480;
  static final int PANEL_HEIGHT = 300;
  private static final int COLUMNS = 3;
  private static final int LEGEND_ROW = 18;
  private static final Color[] PALETTE = {
    new Color(0x1f77b4),
    new Color(0xff7f0e),
    new Color(0x2ca02c),
    new Color(0xd62728),
    new Color(0x9467bd),
    new Color(0x8c564b),
    new Color(0xe377c2),
    new Color(0x7f7f7f),
    new Color(0xbcbd22),
    new Color(0x17becf)
  };

  private CurvePlot() {}

  /** The stroke of run {@code r}: dashed after the palette's 10 colours, so 20 runs differ. */
  private static BasicStroke stroke(int r) {
    return r < PALETTE.length
        ? new BasicStroke(1.5f)
        : new BasicStroke(
            1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f);
  }

  /** Draws {@code panels} (runs named in {@code runs}' order) and writes the PNG. */
  public static void write(Path png, String title, List<String> runs, List<Panel> panels)
      throws IOException {
    Files.createDirectories(png.toAbsolutePath().getParent());
    if (!ImageIO.write(render(title, runs, panels), "png", png.toFile())) {
      throw new IOException(png + ": no PNG writer");
    }
  }

  /** The figure as an image. */
  public static BufferedImage render(String title, List<String> runs, List<Panel> panels) {
    int cols = Math.max(1, Math.min(COLUMNS, panels.size()));
    int rows = Math.max(1, (panels.size() + cols - 1) / cols);
    int legendCols = 3;
    int legendRows = (runs.size() + legendCols - 1) / legendCols;
    int width = cols * PANEL_WIDTH;
    int height = 30 + rows * PANEL_HEIGHT + 10 + legendRows * LEGEND_ROW + 10;
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
      g.drawString(title, 10, 20);
      for (int i = 0; i < panels.size(); i++) {
        panel(g, panels.get(i), runs, (i % cols) * PANEL_WIDTH, 30 + (i / cols) * PANEL_HEIGHT);
      }
      legend(g, runs, 10, 30 + rows * PANEL_HEIGHT + 10, width / legendCols);
    } finally {
      g.dispose();
    }
    return img;
  }

  private static void panel(Graphics2D g, Panel p, List<String> runs, int x0, int y0) {
    int left = x0 + 60;
    int right = x0 + PANEL_WIDTH - 15;
    int top = y0 + 25;
    int bottom = y0 + PANEL_HEIGHT - 40;
    double[] xr = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    double[] yr = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
    p.runs()
        .values()
        .forEach(
            points ->
                points.stream()
                    .filter(q -> Double.isFinite(q.value()))
                    .forEach(
                        q -> {
                          xr[0] = Math.min(xr[0], q.step());
                          xr[1] = Math.max(xr[1], q.step());
                          yr[0] = Math.min(yr[0], q.value());
                          yr[1] = Math.max(yr[1], q.value());
                        }));
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
    g.setColor(Color.BLACK);
    g.drawString(p.tag(), left, y0 + 15);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
    if (xr[0] > xr[1]) {
      g.drawString("no finite values", left + 10, (top + bottom) / 2);
      return;
    }
    Axis x = Axis.of(xr[0], xr[1]);
    Axis y = Axis.of(yr[0], yr[1]);
    FontMetrics fm = g.getFontMetrics();
    for (double t : x.ticks()) {
      int px = (int) Math.round(left + x.fraction(t) * (right - left));
      g.setColor(new Color(0xeeeeee));
      g.drawLine(px, top, px, bottom);
      g.setColor(Color.BLACK);
      g.drawLine(px, bottom, px, bottom + 4);
      String label = x.label(t);
      g.drawString(label, px - fm.stringWidth(label) / 2, bottom + 16);
    }
    for (double t : y.ticks()) {
      int py = (int) Math.round(bottom - y.fraction(t) * (bottom - top));
      g.setColor(new Color(0xeeeeee));
      g.drawLine(left, py, right, py);
      g.setColor(Color.BLACK);
      g.drawLine(left - 4, py, left, py);
      String label = y.label(t);
      g.drawString(label, left - 6 - fm.stringWidth(label), py + 4);
    }
    g.drawRect(left, top, right - left, bottom - top);
    g.drawString("step", (left + right) / 2 - fm.stringWidth("step") / 2, bottom + 30);
    for (int r = 0; r < runs.size(); r++) {
      List<Point> points = p.runs().getOrDefault(runs.get(r), List.of());
      g.setColor(PALETTE[r % PALETTE.length]);
      g.setStroke(stroke(r));
      Path2D.Double line = new Path2D.Double();
      boolean started = false;
      for (Point q : points) {
        if (!Double.isFinite(q.value())) {
          started = false;
          continue;
        }
        double px = left + x.fraction(q.step()) * (right - left);
        double py = bottom - y.fraction(q.value()) * (bottom - top);
        if (started) {
          line.lineTo(px, py);
        } else {
          line.moveTo(px, py);
          started = true;
        }
      }
      g.draw(line);
      if (points.size() <= 30) { // few points (validation per epoch): mark each
        for (Point q : points) {
          if (Double.isFinite(q.value())) {
            int px = (int) Math.round(left + x.fraction(q.step()) * (right - left));
            int py = (int) Math.round(bottom - y.fraction(q.value()) * (bottom - top));
            g.fillOval(px - 3, py - 3, 6, 6);
          }
        }
      }
      g.setStroke(new BasicStroke(1f));
    }
  }

  private static void legend(Graphics2D g, List<String> runs, int x0, int y0, int colWidth) {
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    for (int r = 0; r < runs.size(); r++) {
      int x = x0 + (r % 3) * colWidth;
      int y = y0 + (r / 3) * LEGEND_ROW;
      g.setColor(PALETTE[r % PALETTE.length]);
      g.setStroke(stroke(r));
      g.drawLine(x, y + 8, x + 24, y + 8);
      g.setStroke(new BasicStroke(1f));
      g.setColor(Color.BLACK);
      g.drawString(runs.get(r), x + 30, y + 12);
    }
  }

  /** An axis over [lo, hi] widened to round ticks (1, 2 or 5 times a power of ten). */
  record Axis(double lo, double hi, double step) {
    static Axis of(double min, double max) {
      if (max - min < 1e-12 * Math.max(1, Math.abs(max))) { // one value: a unit around it
        double pad = Math.max(Math.abs(min) * 0.1, 1e-3);
        min -= pad;
        max += pad;
      }
      double step = nice((max - min) / 5);
      return new Axis(Math.floor(min / step) * step, Math.ceil(max / step) * step, step);
    }

    /** 1, 2 or 5 times a power of ten, the nearest at or above {@code raw}. */
    static double nice(double raw) {
      double p = Math.pow(10, Math.floor(Math.log10(raw)));
      double f = raw / p;
      return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
    }

    List<Double> ticks() {
      List<Double> t = new ArrayList<>();
      for (double v = lo; v <= hi + step * 1e-6; v += step) {
        t.add(Math.abs(v) < step * 1e-9 ? 0 : v);
      }
      return t;
    }

    double fraction(double v) {
      return (v - lo) / (hi - lo);
    }

    String label(double v) {
      if (step >= 1 && Math.abs(v) < 1e6) {
        return String.format(Locale.ROOT, "%d", Math.round(v));
      }
      int decimals = (int) Math.max(0, -Math.floor(Math.log10(step)));
      return Math.abs(v) >= 1e6 || (decimals > 5)
          ? String.format(Locale.ROOT, "%.1e", v)
          : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
  }
}
