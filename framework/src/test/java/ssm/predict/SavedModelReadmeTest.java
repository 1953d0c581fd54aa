package ssm.predict;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import ssm.settings.ModelSettings.InputSettings;

class SavedModelReadmeTest {
  private static InputSettings input(int detectionTestMinSize) {
    return new InputSettings(
        256,
        512,
        new float[] {0.485f, 0.456f, 0.406f},
        new float[] {0.229f, 0.224f, 0.225f},
        32,
        detectionTestMinSize);
  }

  @Test
  void theResizeIsTheInputSizeAndLesionsNeedNoSecondCallByDefault() {
    String readme = SavedModelExport.readme("frozen-r18-3", input(0), 28);
    assertTrue(readme.contains("s = 256 / min(H0, W0), or 512 / max(H0, W0)"), readme);
    assertTrue(readme.contains("for the original.\n\nMasks are in box frames"), readme);
    assertFalse(readme.contains("second call"), readme);
  }

  @Test
  void aDetectionTestSizeAsksForASecondCallForTheLesions() {
    String readme = SavedModelExport.readme("frozen-r18-3", input(320), 28);
    assertTrue(readme.contains("s = 256 / min(H0, W0), or 512 / max(H0, W0)"), readme);
    assertTrue(
        readme.contains(
            "for the original.\n\nLesions were measured with a second call on the slice resized"
                + " with 320 and 640 in place of\n256 and 512"),
        readme);
    assertTrue(readme.contains("call above.\n\nMasks are in box frames"), readme);
  }
}
