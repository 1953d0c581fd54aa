package ssm.predict;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import ssm.data.ClassificationExample;
import ssm.data.Slice;

/**
 * Draws a prediction over its slice: lesion masks tinted red, boxes in yellow with their scores,
 * and the predicted class with its probability in the top-left corner. Returns PNG bytes.
 */
public final class Overlay {
  private static final Color MASK = new Color(255, 40, 40);
  private static final Color BOX = new Color(255, 220, 0);

  private Overlay() {}

  /**
   * @param original the slice at its original size (not resized)
   */
  public static byte[] png(Slice original, Prediction p) {
    int h = original.height();
    int w = original.width();
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    boolean[] lesion = new boolean[h * w];
    ssm.util.Check.that(
        p.height() == h && p.width() == w,
        "%s: the prediction is for a %dx%d "
            + "slice but the overlay is drawn on %dx%d: draw on the slice at its original size",
        original.id(),
        p.width(),
        p.height(),
        w,
        h);
    for (Lesion l : p.lesions()) {
      boolean[] m = l.mask().decode();
      for (int i = 0; i < m.length; i++) {
        lesion[i] |= m[i];
      }
    }
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int[] rgb = new int[3];
        for (int c = 0; c < 3; c++) {
          rgb[c] = Math.round(original.pixel(y, x, c) * 255f);
        }
        if (lesion[y * w + x]) { // 50% red tint
          rgb[0] = (rgb[0] + MASK.getRed()) / 2;
          rgb[1] = (rgb[1] + MASK.getGreen()) / 2;
          rgb[2] = (rgb[2] + MASK.getBlue()) / 2;
        }
        img.setRGB(x, y, (rgb[0] << 16) | (rgb[1] << 8) | rgb[2]);
      }
    }
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    int fontSize = Math.max(10, w / 40);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, fontSize));
    g.setStroke(new BasicStroke(Math.max(1f, w / 512f)));
    g.setColor(BOX);
    for (Lesion l : p.lesions()) {
      float[] b = l.box();
      g.drawRect(
          Math.round(b[0]), Math.round(b[1]), Math.round(b[2] - b[0]), Math.round(b[3] - b[1]));
      g.drawString(
          String.format("%.2f", l.score()),
          Math.round(b[0]),
          Math.max(fontSize, Math.round(b[1]) - 2));
    }
    int c = p.predictedClass();
    int n = p.lesions().size();
    String text =
        String.format(
            "%s %.1f%%  (%d %s)",
            ClassificationExample.CLASS_NAMES[c],
            100 * p.classProbabilities()[c],
            n,
            n == 1 ? "lesion" : "lesions");
    g.setColor(new Color(0, 0, 0, 160));
    g.fillRect(0, 0, g.getFontMetrics().stringWidth(text) + 12, fontSize + 10);
    g.setColor(Color.WHITE);
    g.drawString(text, 6, fontSize + 3);
    g.dispose();
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
      ImageIO.write(img, "png", bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
