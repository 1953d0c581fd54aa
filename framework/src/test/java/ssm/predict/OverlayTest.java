package ssm.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import ssm.data.Slice;
import ssm.metrics.Rle;

class OverlayTest {
  private static Prediction prediction(int height, int width) {
    return new Prediction(
        "a.png", height, width, new float[3], new float[] {1, 0, 0}, List.of(), null);
  }

  @Test
  void drawsAtTheFilesOwnSize() throws Exception {
    Slice original = Slice.original("a.png", 279, 436, new float[279 * 436 * 3]);
    byte[] png = Overlay.png(original, prediction(279, 436));
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
    assertTrue(img.getWidth() == 436 && img.getHeight() == 279);
  }

  @Test
  void aResizedSliceIsRefusedWithAClearMessage() {
    // the model saw 400x256 (short side 256); the prediction is mapped back to 436x279
    Slice resized = new Slice("a.png", 256, 400, new float[256 * 400 * 3], 279, 436);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Overlay.png(resized, prediction(279, 436)));
    assertTrue(
        e.getMessage()
            .contains("prediction is for a 436x279 slice but the overlay is " + "drawn on 400x256"),
        e.getMessage());
  }

  /** The rectangle of columns x1..x2-1 and rows y1..y2-1 of a 200 x 200 slice. */
  private static Rle rect(int x1, int y1, int x2, int y2) {
    boolean[] m = new boolean[200 * 200];
    for (int y = y1; y < y2; y++) {
      for (int x = x1; x < x2; x++) {
        m[y * 200 + x] = true;
      }
    }
    return Rle.encode(m, 200, 200);
  }

  @Test
  void truthIsOutlinedGreenWhenFoundAndCyanWhenMissed() throws Exception {
    // black 200 x 200 slice; one detection is exactly the first lesion; the second is missed
    Rle found = rect(20, 100, 40, 120);
    Rle missed = rect(150, 150, 170, 170);
    Lesion detection = new Lesion(new float[] {20, 100, 40, 120}, 0.9f, found);
    Prediction p =
        new Prediction(
            "a.png", 200, 200, new float[3], new float[] {1, 0, 0}, List.of(detection), null);
    TruthMatch truth =
        TruthMatch.of(
            List.of(detection),
            List.of(
                new TruthLesion(new float[] {20, 100, 40, 120}, 400, found),
                new TruthLesion(new float[] {150, 150, 170, 170}, 400, missed)));
    Slice black = Slice.original("a.png", 200, 200, new float[200 * 200 * 3]);
    BufferedImage img = ImageIO.read(new ByteArrayInputStream(Overlay.png(black, p, truth)));
    assertEquals(0x28e628, img.getRGB(20, 110) & 0xffffff); // found: green edge, over the box
    assertEquals(0x7f1414, img.getRGB(30, 110) & 0xffffff); // inside: the detection's red tint
    assertEquals(0x00c8ff, img.getRGB(150, 160) & 0xffffff); // missed: cyan edge
    assertEquals(0, img.getRGB(160, 160) & 0xffffff); // inside a missed lesion: the slice
    // without truth the same prediction draws no outline
    BufferedImage plain = ImageIO.read(new ByteArrayInputStream(Overlay.png(black, p)));
    assertEquals(0, plain.getRGB(150, 160) & 0xffffff);
  }

  @Test
  void anOutlineIsTheMasksPixelsNextToTheOutside() {
    // 5 x 5 with a 3 x 3 square in the middle: its 8 border pixels, not its centre
    boolean[] mask = new boolean[25];
    for (int y = 1; y <= 3; y++) {
      for (int x = 1; x <= 3; x++) {
        mask[y * 5 + x] = true;
      }
    }
    boolean[] expected = mask.clone();
    expected[12] = false;
    assertArrayEquals(expected, MaskOutline.of(mask, 5, 5, 1));
    assertArrayEquals(mask, MaskOutline.of(mask, 5, 5, 2)); // 2 px: the whole 3 x 3 square
  }
}
