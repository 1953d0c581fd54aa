package ssm.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every built-in profile loads for every variant; what the `real` profile gives each regime. */
class ProfilesTest {
  private final SettingsLoader loader = new SettingsLoader();

  private static List<String> variants() {
    List<String> names = new ArrayList<>();
    for (String regime : List.of("shared", "frozen", "scratch")) {
      for (String depth : List.of("r18", "r34")) {
        for (String blocks : List.of("2", "3")) {
          names.add(regime + "-" + depth + "-" + blocks);
        }
      }
    }
    return names;
  }

  @Test
  void everyProfileLoadsForEveryVariant() {
    for (String profile : List.of("smoke", "demo", "paper", "real")) {
      for (String variant : variants()) {
        Settings s = loader.load(variant, profile, List.of(), List.of());
        assertEquals(variant, s.variant(), profile);
      }
    }
  }

  @Test
  void realProfileTrainsStageOneFasterAndSThroughTheRoiBatch() {
    Settings frozen = loader.load("frozen-r18-3", "real", List.of(), List.of());
    assertEquals(6e-4, frozen.training().stage1LearningRate(), 0);
    assertEquals(1e-4, frozen.training().learningRate(), 0);
    assertEquals(1e-3, frozen.training().classificationLearningRate(), 0);
    assertEquals(6, frozen.training().stage1Epochs());
    assertEquals(4, frozen.training().epochs());
    assertEquals(3, frozen.training().averageLastEpochs());
    assertEquals(UpdateRule.S_BRANCH, frozen.training().updateRule());
    assertTrue(frozen.model().classifier().roiGradient());
    assertTrue(frozen.model().classifier().imageFeatures());
    assertEquals(256, frozen.model().input().minSize());
    assertEquals(320, frozen.model().input().detectionMinSize());
    assertEquals(640, frozen.model().input().detectionMaxSize());
    Settings shared = loader.load("shared-r34-2", "real", List.of(), List.of());
    assertEquals(UpdateRule.S_ONLY, shared.training().updateRule());
    assertFalse(shared.model().classifier().roiGradient());
    assertTrue(shared.model().classifier().imageFeatures());
    assertEquals(1e-4, shared.training().learningRate(), 0);
    assertEquals(1e-3, shared.training().classificationLearningRate(), 0);
    assertEquals(3, shared.training().averageLastEpochs());
    assertEquals(320, shared.model().input().detectionMinSize());
    Settings scratch = loader.load("scratch-r18-3", "real", List.of(), List.of());
    assertEquals(6e-4, scratch.training().learningRate(), 0);
    assertEquals(6e-4, scratch.training().classificationLearningRate(), 0);
    assertTrue(scratch.model().classifier().imageFeatures());
  }
}
