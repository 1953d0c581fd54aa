package ssm.predict;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import ssm.data.Slice;

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
}
