package ssm.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValueFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import ssm.data.Slice;
import ssm.settings.ModelSettings;
import ssm.settings.Regime;
import ssm.testing.TestSettings;
import ssm.wiring.ModelWiring;

/**
 * {@code model.mask.threshold}: the same detections, each mask holding the pixels whose pasted
 * probability exceeds the threshold, so a lower one gives masks that contain the higher one's.
 */
class MaskThresholdTest {
  private static final int SIDE = 96;

  private static List<Lesion> lesions(double threshold, Slice slice) {
    Config c =
        TestSettings.base()
            .withValue("model.mask.threshold", ConfigValueFactory.fromAnyRef(threshold))
            .withValue("model.roi.score-threshold", ConfigValueFactory.fromAnyRef(0.0));
    try (Predictor p =
        Predictor.untrained(
            ModelWiring.model(ModelSettings.from(c.getConfig("model")), Regime.SCRATCH))) {
      return p.predict(slice, false).lesions();
    }
  }

  @Test
  void aLowerThresholdGrowsEachMaskAroundTheHigherOnes() {
    float[] pixels = new float[SIDE * SIDE * 3];
    for (int i = 0; i < pixels.length; i++) {
      int x = (i / 3) % SIDE;
      int y = i / 3 / SIDE;
      pixels[i] = (x - 40) * (x - 40) + (y - 50) * (y - 50) < 300 ? 0.8f : 0.2f + 0.001f * x;
    }
    Slice slice = Slice.original("s", SIDE, SIDE, pixels);
    List<Lesion> at05 = lesions(0.5, slice);
    List<Lesion> at03 = lesions(0.3, slice);
    assertTrue(at05.size() > 0, "the untrained model detects something at score 0");
    assertEquals(at05.size(), at03.size(), "the same detections");
    long grown = 0;
    for (int i = 0; i < at05.size(); i++) {
      assertArrayEquals(at05.get(i).box(), at03.get(i).box(), "detection " + i);
      boolean[] high = at05.get(i).mask().decode();
      boolean[] low = at03.get(i).mask().decode();
      for (int p = 0; p < high.length; p++) {
        assertTrue(!high[p] || low[p], "detection " + i + ", pixel " + p);
      }
      grown += at03.get(i).mask().area() - at05.get(i).mask().area();
    }
    assertTrue(grown > 0, "some pixel lies between 0.3 and 0.5");
  }

  @Test
  void aThresholdOutsideTheUnitIntervalIsNamed() {
    assertEquals(
        "model.mask.threshold = 1.0 is outside (0, 1)",
        assertThrows(
                IllegalArgumentException.class,
                () -> new ModelSettings.MaskSettings(14, new int[] {128}, 1f))
            .getMessage());
  }
}
