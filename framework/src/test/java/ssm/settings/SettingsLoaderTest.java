package ssm.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layering and validation of the settings, over the built-in configs/ on the class path. */
class SettingsLoaderTest {
  private final SettingsLoader loader = new SettingsLoader();
  @TempDir Path dir;

  @Test
  void defaultsAreTheBaseFile() {
    Settings s = loader.load();
    assertEquals("scratch-r18-3", s.variant());
    assertEquals(18, s.model().backbone().depth());
    assertEquals(3, s.model().backbone().blocks());
    assertEquals(Regime.SCRATCH, s.training().regime());
    assertEquals(UpdateRule.S_BACKBONE, s.training().updateRule());
    assertEquals(50, s.training().epochs());
    assertEquals(50, s.training().stage1Epochs());
    assertEquals(1e-5, s.training().learningRate(), 0);
    assertEquals(1e-5, s.training().stage1LearningRate(), 0);
    assertEquals(1e-5, s.training().classificationLearningRate(), 0);
    assertEquals(1e-3, s.training().weightDecay(), 0);
    assertEquals(20201, s.training().seed());
    assertEquals(1, s.training().checkpointEveryEpochs());
    assertEquals(3, s.training().keepCheckpoints());
  }

  @Test
  void stageOneAndClassificationRatesFollowTheLearningRateUnlessSet() {
    Settings same = loader.load(null, List.of(), List.of("training.learning-rate=3e-4"));
    assertEquals(3e-4, same.training().stage1LearningRate(), 0);
    assertEquals(3e-4, same.training().classificationLearningRate(), 0);
    Settings own =
        loader.load(
            null,
            List.of(),
            List.of(
                "training.learning-rate=1e-4",
                "training.stage1-learning-rate=6e-4",
                "training.classification-learning-rate=3e-4"));
    assertEquals(1e-4, own.training().learningRate(), 0);
    assertEquals(6e-4, own.training().stage1LearningRate(), 0);
    assertEquals(3e-4, own.training().classificationLearningRate(), 0);
  }

  @Test
  void lesionsAreLookedForAtTheDetectionTestSizeWithTheLongSideScaledAlike() {
    Settings plain = loader.load(null, List.of(), List.of());
    assertEquals(512, plain.model().input().detectionMinSize());
    assertEquals(1024, plain.model().input().detectionMaxSize());
    assertFalse(plain.model().input().detectsAtOwnSize());
    Settings scaled =
        loader.load(
            null,
            List.of(),
            List.of(
                "model.input.min-size=256",
                "model.input.max-size=500",
                "model.input.detection-test-min-size=320"));
    assertEquals(256, scaled.model().input().minSize());
    assertEquals(320, scaled.model().input().detectionMinSize());
    assertEquals(625, scaled.model().input().detectionMaxSize()); // 500 * 320 / 256
    assertTrue(scaled.model().input().detectsAtOwnSize());
    SettingsException e =
        assertThrows(
            SettingsException.class,
            () -> loader.load(null, List.of(), List.of("model.input.detection-test-min-size=-1")));
    assertTrue(
        e.getMessage().contains("model.input.detection-test-min-size = -1 must be >= 0"),
        e.getMessage());
  }

  @Test
  void branchRulesNeedTheGradientThroughTheRoiBatch() {
    SettingsException e =
        assertThrows(
            SettingsException.class,
            () -> loader.load(null, List.of(), List.of("training.update-rule=s-branch")));
    assertTrue(
        e.getMessage()
            .contains("training.update-rule = s-branch needs model.classifier.roi-gradient = true"),
        e.getMessage());
    Settings s =
        loader.load(
            null,
            List.of(),
            List.of(
                "training.update-rule=s-branch-backbone", "model.classifier.roi-gradient=true"));
    assertEquals(UpdateRule.S_BRANCH_BACKBONE, s.training().updateRule());
    assertTrue(s.model().classifier().roiGradient());
  }

  @Test
  void pseudoLabelWeightIsAShareOfTheLoss() {
    Settings s =
        loader.load(
            null,
            List.of(),
            List.of(
                "training.pseudo-label-collection=radiopaedia",
                "training.pseudo-label-weight=0.3"));
    assertEquals(0.3, s.training().segmentationLossWeight("radiopaedia"), 0);
    assertEquals(1, s.training().segmentationLossWeight("medseg"), 0);
    assertEquals(1, s.training().segmentationLossWeight("radiopaedia2"), 0, "the whole name only");
    for (String bad : List.of("0", "1.5", "-0.2")) {
      SettingsException e =
          assertThrows(
              SettingsException.class,
              () -> loader.load(null, List.of(), List.of("training.pseudo-label-weight=" + bad)));
      assertTrue(
          e.getMessage()
              .contains(
                  "training.pseudo-label-weight = "
                      + Double.parseDouble(bad)
                      + " must be in (0, 1]"),
          e.getMessage());
    }
  }

  @Test
  void theCollectionAdversaryWeightIsZeroOrMore() {
    assertEquals(0, loader.load(null, List.of(), List.of()).training().collectionAdversaryWeight());
    assertEquals(
        0.3,
        loader
            .load(null, List.of(), List.of("training.collection-adversary-weight=0.3"))
            .training()
            .collectionAdversaryWeight());
    SettingsException e =
        assertThrows(
            SettingsException.class,
            () -> loader.load(null, List.of(), List.of("training.collection-adversary-weight=-1")));
    assertTrue(
        e.getMessage()
            .contains("training.collection-adversary-weight = -1.0 must be >= 0 (0: no adversary)"),
        e.getMessage());
  }

  @Test
  void averagingEpochsNeedsTheirCheckpoints() {
    SettingsException kept =
        assertThrows(
            SettingsException.class,
            () -> loader.load(null, List.of(), List.of("training.average-last-epochs=4")));
    assertTrue(
        kept.getMessage()
            .contains(
                "training.average-last-epochs = 4 needs as many checkpoints kept"
                    + " (training.keep-checkpoints = 3)"),
        kept.getMessage());
    SettingsException every =
        assertThrows(
            SettingsException.class,
            () ->
                loader.load(
                    null,
                    List.of(),
                    List.of(
                        "training.average-last-epochs=2", "training.checkpoint-every-epochs=2")));
    assertTrue(
        every.getMessage().contains("training.checkpoint-every-epochs = 2"), every.getMessage());
    assertEquals(
        3,
        loader
            .load(null, List.of(), List.of("training.average-last-epochs=3"))
            .training()
            .averageLastEpochs());
  }

  @Test
  void variantFileOverridesBase() {
    Settings s = loader.load("frozen-r34-2");
    assertEquals("frozen-r34-2", s.variant());
    assertEquals(34, s.model().backbone().depth());
    assertEquals(2, s.model().backbone().blocks());
    assertEquals(Regime.FROZEN, s.training().regime());
    assertEquals(256, s.model().fpnChannels()); // untouched: from base
  }

  @Test
  void variantKeyOfAUserFileSelectsTheVariantFile() throws IOException {
    Settings s =
        loader.load(null, List.of(write("my.conf", "variant = shared-r34-3\n")), List.of());
    assertEquals("shared-r34-3", s.variant());
    assertEquals(34, s.model().backbone().depth());
    assertEquals(Regime.SHARED, s.training().regime());
  }

  @Test
  void laterLayersWin() throws IOException {
    Path a = write("a.conf", "training { epochs = 7, seed = 1 }\n");
    Path b = write("b.conf", "training.epochs = 8\n");
    Settings s =
        loader.load(
            "frozen-r18-2",
            List.of(a, b),
            List.of("training.seed=5", "training.update-rule = s-bn", "training.seed=6"));
    assertEquals(8, s.training().epochs()); // b.conf over a.conf
    assertEquals(6, s.training().seed()); // last --set over a.conf and earlier --set
    assertEquals(UpdateRule.S_BN, s.training().updateRule());
    assertEquals(2, s.model().backbone().blocks()); // from the variant file
  }

  @Test
  void setParsesHoconValues() {
    Settings s = loader.load(null, List.of(), List.of("model.input.mean=[0.5, 0.5, 0.5]"));
    assertEquals(0.5f, s.model().input().mean()[2], 0f);
  }

  @Test
  void unknownKeyIsNamedWithItsLineAndTheClosestKey() throws IOException {
    Path file = write("my.conf", "# my settings\ntraining {\n  learnig-rate = 1e-4\n}\n");
    SettingsException e =
        assertThrows(SettingsException.class, () -> loader.load(null, List.of(file), List.of()));
    assertEquals(
        "training.learnig-rate at "
            + file
            + ":3 is not a setting; "
            + "did you mean training.learning-rate?",
        e.getMessage());
  }

  @Test
  void everyUnknownKeyIsReportedIncludingThoseOfSet() throws IOException {
    Path file = write("my.conf", "model.rpn.nms-iuo = 0.5\n");
    SettingsException e =
        assertThrows(
            SettingsException.class,
            () -> loader.load(null, List.of(file), List.of("training.epoch=3")));
    assertEquals(2, e.problems().size(), e.getMessage());
    assertTrue(e.problems().get(0).startsWith("model.rpn.nms-iuo at " + file + ":1"));
    assertEquals(
        "training.epoch at --set training.epoch=3 is not a setting; "
            + "did you mean training.epochs?",
        e.problems().get(1));
  }

  @Test
  void wrongTypeNamesKeyAndLine() throws IOException {
    Path file = write("my.conf", "training {\n  epochs = ten\n}\n");
    SettingsException e =
        assertThrows(SettingsException.class, () -> loader.load(null, List.of(file), List.of()));
    assertEquals(file + ":2: training.epochs = \"ten\" must be a number", e.getMessage());
  }

  @Test
  void objectWhereAValueIsExpectedIsATypeError() {
    SettingsException e =
        assertThrows(
            SettingsException.class,
            () -> loader.load(null, List.of(), List.of("training.epochs={a=1}")));
    assertEquals(1, e.problems().size(), e.getMessage());
    assertTrue(
        e.getMessage().startsWith("--set training.epochs={a=1}: training.epochs: "),
        e.getMessage());
  }

  @Test
  void fractionWhereAWholeNumberIsExpected() {
    SettingsException e =
        assertThrows(
            SettingsException.class,
            () -> loader.load(null, List.of(), List.of("training.epochs=1.5")));
    assertEquals(
        "--set training.epochs=1.5: training.epochs = 1.5 must be a whole number", e.getMessage());
  }

  @Test
  void outOfRangeValueIsNamedWithItsOrigin() throws IOException {
    Path file = write("my.conf", "\ntraining.learning-rate = -1\n");
    SettingsException e =
        assertThrows(SettingsException.class, () -> loader.load(null, List.of(file), List.of()));
    assertEquals(file + ":2: training.learning-rate = -1.0 must be positive", e.getMessage());
  }

  @Test
  void outOfRangeModelValueFromSet() {
    SettingsException e =
        assertThrows(
            SettingsException.class,
            () -> loader.load(null, List.of(), List.of("model.rpn.nms-iou=1.7")));
    assertEquals(
        "--set model.rpn.nms-iou=1.7: model.rpn.nms-iou = 1.7000000476837158 is outside "
            + "[0.0, 1.0]",
        e.getMessage());
  }

  @Test
  void lesionAreaScoreDefaultsToOneHalfAndMustLieInZeroToOne() {
    assertEquals(0.5, loader.load().eval().lesionAreaScore(), 0);
    assertEquals(
        0.3,
        loader
            .load(null, List.of(), List.of("eval.lesion-area-score=0.3"))
            .eval()
            .lesionAreaScore(),
        0);
    SettingsException e =
        assertThrows(
            SettingsException.class,
            () -> loader.load(null, List.of(), List.of("eval.lesion-area-score=1.2")));
    assertEquals(
        "--set eval.lesion-area-score=1.2: eval.lesion-area-score = 1.2 must be in [0, 1]",
        e.getMessage());
  }

  @Test
  void validationCollectionsAreNamesEachGivenOnce() {
    assertEquals(List.of(), loader.load().data().validationCollections());
    assertEquals(
        List.of("radiopaedia", "medseg"),
        loader
            .load(null, List.of(), List.of("data.validation-collections=[radiopaedia, medseg]"))
            .data()
            .validationCollections());
    SettingsException e =
        assertThrows(
            SettingsException.class,
            () -> loader.load(null, List.of(), List.of("data.validation-collections=[a, a]")));
    assertTrue(
        e.getMessage().endsWith("data.validation-collections = [a, a] names a collection twice"),
        e.getMessage());
  }

  @Test
  void unknownEnumValueListsTheAllowedOnes() {
    SettingsException e =
        assertThrows(
            SettingsException.class,
            () -> loader.load(null, List.of(), List.of("training.regime=sharde")));
    assertEquals(
        "--set training.regime=sharde: training.regime = sharde is not one of "
            + "shared, frozen, scratch",
        e.getMessage());
  }

  @Test
  void learningRateScheduleIsReadAndValidated() {
    Settings s =
        loader.load(
            null,
            List.of(),
            List.of(
                "training.lr-schedule.warmup-steps=20",
                "training.lr-schedule.decay=cosine",
                "training.lr-schedule.final-factor=0.05"));
    assertEquals(new LrSchedule(20, LrDecay.COSINE, 0.05), s.training().lrSchedule());
    assertEquals(LrSchedule.CONSTANT, loader.load().training().lrSchedule());
    SettingsException e =
        assertThrows(
            SettingsException.class,
            () -> loader.load(null, List.of(), List.of("training.lr-schedule.decay=cosin")));
    assertEquals(
        "--set training.lr-schedule.decay=cosin: training.lr-schedule.decay = cosin is "
            + "not one of constant, cosine",
        e.getMessage());
  }

  @Test
  void unknownVariantIsRejected() {
    SettingsException e = assertThrows(SettingsException.class, () -> loader.load("scratch-r50-3"));
    assertTrue(
        e.getMessage()
            .startsWith("unknown variant 'scratch-r50-3' (from --variant " + "scratch-r50-3)"),
        e.getMessage());
  }

  @Test
  void missingConfigFileIsNamed() {
    Path missing = dir.resolve("nope.conf");
    SettingsException e =
        assertThrows(SettingsException.class, () -> loader.load(null, List.of(missing), List.of()));
    assertEquals("--config " + missing + ": no such file", e.getMessage());
  }

  @Test
  void malformedSetIsNamed() {
    SettingsException e =
        assertThrows(
            SettingsException.class,
            () -> loader.load(null, List.of(), List.of("training.epochs")));
    assertTrue(e.getMessage().startsWith("--set training.epochs: expected key=value"));
  }

  @Test
  void writtenConfigReadsBackToTheSameSettings() throws IOException {
    Settings s = loader.load("shared-r34-2", List.of(), List.of("training.epochs=3"));
    Path file = s.writeTo(dir.resolve("run-1"));
    assertTrue(file.endsWith(Settings.FILE_NAME));
    String text = Files.readString(file);
    assertTrue(text.contains("# configs/variants/shared-r34-2.conf: 3\n"), text);
    assertTrue(text.contains("# --set training.epochs=3"), text);
    assertFalse(text.contains("file:"), "origins name the resource, not its URL");
    Settings back = loader.load(null, List.of(file), List.of());
    assertEquals(s.variant(), back.variant());
    assertEquals(s.training(), back.training());
    assertEquals(s.resolved().root().unwrapped(), back.resolved().root().unwrapped());
    assertEquals(
        ConfigFactory.parseFile(file.toFile()).resolve().root().unwrapped(),
        s.resolved().root().unwrapped());
  }

  @Test
  void perVariantBlockAppliesToMatchingVariantsOnlyAndLosesToSet() throws IOException {
    Path file =
        write(
            "my.conf",
            """
        training.epochs = 2
        per-variant {
          "*-3" { training.epochs = 4, model.input.min-size = 256 }
          "scratch-*" { training.epochs = 5 }
        }
        """);
    assertEquals(2, loader.load("shared-r18-2", List.of(file), List.of()).training().epochs());
    Settings deep = loader.load("shared-r34-3", List.of(file), List.of());
    assertEquals(4, deep.training().epochs());
    assertEquals(256, deep.model().input().minSize());
    // Two blocks match: key order, the later ("scratch-*" after "*-3") winning.
    assertEquals(5, loader.load("scratch-r18-3", List.of(file), List.of()).training().epochs());
    assertEquals(
        9,
        loader
            .load("shared-r18-3", List.of(file), List.of("training.epochs=9"))
            .training()
            .epochs());
    assertFalse(deep.resolved().hasPath("per-variant"));
  }

  @Test
  void perVariantBlocksAreCheckedEvenWhenTheyDoNotMatch() throws IOException {
    Path file =
        write(
            "my.conf",
            """
        per-variant {
          "*-2" { training.epoch = 3 }
          "*-4" { training.epochs = 3 }
        }
        """);
    SettingsException e =
        assertThrows(
            SettingsException.class, () -> loader.load("scratch-r18-3", List.of(file), List.of()));
    assertEquals(2, e.problems().size(), e.getMessage());
    assertTrue(
        e.problems().stream()
            .anyMatch(
                p ->
                    p.startsWith(
                        "training.epoch at "
                            + file
                            + ":2 is not a setting; did you mean training.epochs?")),
        e.getMessage());
    assertTrue(
        e.problems().stream()
            .anyMatch(
                p -> p.startsWith("per-variant.\"*-4\" at " + file + ":3: matches no variant")),
        e.getMessage());
  }

  @Test
  void editDistanceCountsSingleCharacterEdits() {
    // kitten -> sitten (substitute) -> sittin (substitute) -> sitting (insert): 3
    assertEquals(3, UnknownKeys.editDistance("kitten", "sitting"));
    assertEquals(1, UnknownKeys.editDistance("training.learnig-rate", "training.learning-rate"));
    assertEquals(0, UnknownKeys.editDistance("", ""));
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }
}
