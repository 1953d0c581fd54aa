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
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import ssm.data.ClassificationExample;
import ssm.data.Slice;

/**
 * Draws a prediction over its slice: lesion masks tinted red, boxes in yellow with their scores,
 * and the predicted class with its probability in the top-left corner. With the slice's ground
 * truth ({@code predict --truth}) each ground-truth lesion is outlined on top, green when found and
 * cyan when missed, and "truth: F of N found" is added under the class. Returns PNG bytes.
 */
public final class Overlay {
  private static final Color MASK = new Color(255, 40, 40);
  private static final Color BOX = new Color(255, 220, 0);
  private static final Color FOUND = new Color(40, 230, 40);
  private static final Color MISSED = new Color(0, 200, 255);

  private Overlay() {}

  /**
   * @param original the slice at its original size (not resized)
   */
  public static byte[] png(Slice original, Prediction p) {
    return png(original, p, null);
  }

  /**
   * As {@link #png(Slice, Prediction)}, with {@code truth}'s lesions outlined (none when null).
   *
   * @param truth the slice's ground-truth lesions matched to {@code p}'s, or null
   */
  public static byte[] png(Slice original, Prediction p, TruthMatch truth) {
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
    if (truth != null) {
      // on top of masks and boxes: a missed lesion must stay visible under a wrong detection
      int thickness = w < 256 ? 1 : 2;
      for (TruthMatch.Instance t : truth.instances()) {
        int rgb = (t.found() ? FOUND : MISSED).getRGB();
        boolean[] outline = MaskOutline.of(t.lesion().mask().decode(), h, w, thickness);
        for (int i = 0; i < outline.length; i++) {
          if (outline[i]) {
            img.setRGB(i % w, i / w, rgb);
          }
        }
      }
    }
    int c = p.predictedClass();
    int n = p.lesions().size();
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            "%s %.1f%%  (%d %s)",
            ClassificationExample.CLASS_NAMES[c],
            100 * p.classProbabilities()[c],
            n,
            n == 1 ? "lesion" : "lesions"));
    if (truth != null) {
      lines.add(String.format("truth: %d of %d found", truth.found(), truth.lesions()));
    }
    int lineHeight = fontSize + 4;
    int textWidth = lines.stream().mapToInt(g.getFontMetrics()::stringWidth).max().orElse(0);
    g.setColor(new Color(0, 0, 0, 160));
    g.fillRect(0, 0, textWidth + 12, lines.size() * lineHeight + 6);
    g.setColor(Color.WHITE);
    for (int k = 0; k < lines.size(); k++) {
      g.drawString(lines.get(k), 6, fontSize + 3 + k * lineHeight);
    }
    g.dispose();
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
      ImageIO.write(img, "png", bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
