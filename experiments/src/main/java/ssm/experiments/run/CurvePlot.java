package ssm.experiments.run;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.Range;
import org.jfree.data.general.DatasetUtils;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import ssm.events.ScalarSeries.Point;

/**
 * A figure of one tag family (e.g. every {@code loss/...} tag): one JFreeChart line chart per tag,
 * the runs overlaid in each with the same colour throughout (step on x, value on y), under a title
 * and above one legend of the runs.
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

  /** The figure as an image: up to three panels a row. */
  public static BufferedImage render(String title, List<String> runs, List<Panel> panels) {
    int cols = Math.max(1, Math.min(COLUMNS, panels.size()));
    int rows = Math.max(1, (panels.size() + cols - 1) / cols);
    int legendRows = (runs.size() + 2) / 3;
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
        Graphics2D cell =
            (Graphics2D)
                g.create(
                    (i % cols) * PANEL_WIDTH,
                    30 + (i / cols) * PANEL_HEIGHT,
                    PANEL_WIDTH,
                    PANEL_HEIGHT);
        try {
          chart(panels.get(i), runs).draw(cell, new Rectangle(PANEL_WIDTH, PANEL_HEIGHT));
        } finally {
          cell.dispose();
        }
      }
      legend(g, runs, 10, 30 + rows * PANEL_HEIGHT + 10, width / 3);
    } finally {
      g.dispose();
    }
    return img;
  }

  /**
   * One panel: each run with a finite value in its colour and stroke, non-finite values left as
   * gaps, and a dot on each point where a run has few (validation once an epoch).
   */
  static JFreeChart chart(Panel p, List<String> runs) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer();
    lines.setDrawSeriesLineAsPath(true); // one path a run, so dashes run on across points
    for (int r = 0; r < runs.size(); r++) {
      List<Point> points = p.runs().getOrDefault(runs.get(r), List.of());
      if (points.stream().noneMatch(q -> Double.isFinite(q.value()))) {
        continue; // nothing to draw, and no range to give the axes
      }
      XYSeries series = new XYSeries(runs.get(r), false, true);
      points.forEach(q -> series.add(q.step(), Double.isFinite(q.value()) ? q.value() : null));
      int i = data.getSeriesCount();
      data.addSeries(series);
      lines.setSeriesPaint(i, PALETTE[r % PALETTE.length]);
      lines.setSeriesStroke(i, stroke(r));
      lines.setSeriesShape(i, new Ellipse2D.Double(-3, -3, 6, 6));
      lines.setSeriesShapesVisible(i, points.size() <= 30);
    }
    NumberAxis x = axis("step", DatasetUtils.findDomainBounds(data));
    x.setStandardTickUnits(NumberAxis.createIntegerTickUnits()); // steps are whole numbers
    NumberAxis y = axis(null, DatasetUtils.findRangeBounds(data));
    XYPlot plot = new XYPlot(data, x, y, lines);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(new Color(0xdddddd));
    plot.setRangeGridlinePaint(new Color(0xdddddd));
    plot.setNoDataMessage("no finite values");
    JFreeChart chart =
        new JFreeChart(p.tag(), new Font(Font.SANS_SERIF, Font.BOLD, 12), plot, false);
    chart.setBackgroundPaint(Color.WHITE);
    return chart;
  }

  /** An axis around the data; around a single value, 10% of it either side rather than 1e-8. */
  private static NumberAxis axis(String label, Range data) {
    NumberAxis axis = new NumberAxis(label);
    axis.setAutoRangeIncludesZero(false);
    if (data != null && data.getLength() == 0) {
      axis.setAutoRangeMinimumSize(Math.max(Math.abs(data.getCentralValue()) * 0.2, 2e-3));
    }
    Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    axis.setLabelFont(small);
    axis.setTickLabelFont(small);
    return axis;
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
}
