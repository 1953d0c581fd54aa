package ssm.box;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;
import ssm.metrics.Rle;

/** The windowed paste + RLE of Predictor equals the full-image paste + RLE, bit for bit. */
class MaskPasterWindowTest {
  @Test
  void windowRleEqualsFullImageRle() {
    Random r = new Random(7);
    int h = 97;
    int w = 131;
    for (int t = 0; t < 500; t++) {
      float[] probs = new float[28 * 28];
      for (int i = 0; i < probs.length; i++) {
        probs[i] = r.nextFloat();
      }
      float x1 = r.nextFloat() * 180 - 40;
      float y1 = r.nextFloat() * 140 - 30;
      float[] box = {x1, y1, x1 + r.nextFloat() * 80, y1 + r.nextFloat() * 60};
      float[] full = MaskPaster.paste(probs, 28, box, h, w).mask();
      MaskPaster.Window win = MaskPaster.pasteWindow(probs, 28, box, h, w);
      for (float threshold : new float[] {0.5f, 0f}) {
        Rle expected = Rle.fromProbabilities(full, h, w, threshold);
        Rle actual =
            Rle.fromWindowProbabilities(
                win.values(), win.x0(), win.y0(), win.width(), win.height(), h, w, threshold);
        assertEquals(expected.toCompressedString(), actual.toCompressedString(), "box " + t);
      }
    }
  }
}
