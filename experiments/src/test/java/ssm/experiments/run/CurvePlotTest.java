package ssm.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import ssm.events.ScalarSeries.Point;

class CurvePlotTest {

  @Test
  void aNonFiniteValueLeavesAGapInTheCurve() {
    List<Point> points = new ArrayList<>();
    for (int step = 0; step <= 100; step++) {
      points.add(new Point(step, step > 40 && step < 60 ? Double.NaN : step));
    }
    JFreeChart chart =
        CurvePlot.chart(new CurvePlot.Panel("loss/total", Map.of("a", points)), List.of("a"));
    BufferedImage img = new BufferedImage(480, 300, BufferedImage.TYPE_INT_RGB);
    ChartRenderingInfo info = new ChartRenderingInfo();
    Graphics2D g = img.createGraphics();
    chart.draw(g, new Rectangle(480, 300), info);
    g.dispose();
    Rectangle2D area = info.getPlotInfo().getDataArea();
    XYPlot plot = chart.getXYPlot();
    int atStep30 = column(plot, area, 30);
    int atStep50 = column(plot, area, 50);
    assertTrue(bluePixels(img, atStep30 - 1, atStep30 + 1) > 0, "the curve before the gap");
    assertEquals(0, bluePixels(img, atStep50 - 5, atStep50 + 5), "nothing drawn in the gap");
  }

  @Test
  void aSingleValueAndAPanelWithoutFiniteValuesStillDraw() {
    BufferedImage img =
        CurvePlot.render(
            "eval",
            List.of("a", "b"),
            List.of(
                new CurvePlot.Panel("eval/f1", Map.of("a", List.of(new Point(5, 0.5)))),
                new CurvePlot.Panel("eval/ap", Map.of("a", List.of(new Point(5, Double.NaN))))));
    assertEquals(2 * CurvePlot.PANEL_WIDTH, img.getWidth());
    assertEquals(30 + CurvePlot.PANEL_HEIGHT + 10 + 18 + 10, img.getHeight());
    // the single point's dot, in the first panel (the legend's line is below the panels)
    assertTrue(bluePixels(img, 0, CurvePlot.PANEL_WIDTH - 1, 30 + CurvePlot.PANEL_HEIGHT) > 5);
  }

  private static int column(XYPlot plot, Rectangle2D area, double step) {
    return (int)
        Math.round(plot.getDomainAxis().valueToJava2D(step, area, plot.getDomainAxisEdge()));
  }

  private static int bluePixels(BufferedImage img, int x0, int x1) {
    return bluePixels(img, x0, x1, img.getHeight());
  }

  /**
   * Pixels at least 40% of the first run's blue (0x1f77b4) over white, antialiased edges included:
   * blue minus red above 60, which grey grid lines and black text never reach.
   */
  private static int bluePixels(BufferedImage img, int x0, int x1, int height) {
    int n = 0;
    for (int y = 0; y < height; y++) {
      for (int x = x0; x <= x1; x++) {
        int rgb = img.getRGB(x, y);
        n += (rgb & 0xff) - ((rgb >> 16) & 0xff) > 60 ? 1 : 0;
      }
    }
    return n;
  }
}
