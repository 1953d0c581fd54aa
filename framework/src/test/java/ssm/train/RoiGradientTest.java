package ssm.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssm.data.ClassificationExample;
import ssm.data.CovidxSplit;
import ssm.data.ReaderOptions;
import ssm.data.synthetic.SyntheticCtGenerator;
import ssm.model.ParameterGroups;
import ssm.model.SsmModel;
import ssm.settings.ModelSettings;
import ssm.settings.Regime;
import ssm.settings.TrainingSettings;
import ssm.settings.UpdateRule;
import ssm.testing.GraphFixture;
import ssm.testing.TestSettings;
import ssm.wiring.ModelWiring;

/**
 * {@code model.classifier.roi-gradient} with the branch update rules
 * (docs/explanation/model.md#53-update-rules): S's loss moves the second branch (and the backbone
 * under s-branch-backbone) only when the gradient flows through the RoI batch. Weight decay 0, so
 * Adam moves a parameter exactly when its gradient is not zero.
 */
class RoiGradientTest {
  @TempDir static Path dir;
  static ClassificationExample cls;

  @BeforeAll
  static void data() {
    SyntheticCtGenerator.generate(
        dir, new SyntheticCtGenerator.Options(2, 3, 128, 3), (done, total) -> {});
    ReaderOptions options = ReaderOptions.defaults().withSize(128, 256);
    cls = new CovidxSplit(dir.resolve("cls/train.txt"), dir.resolve("cls/images"), options).load(0);
  }

  private static ModelSettings model(boolean roiGradient, boolean imageFeatures) {
    return ModelSettings.from(
        TestSettings.base()
            .withValue("model.classifier.roi-gradient", ConfigValueFactory.fromAnyRef(roiGradient))
            .withValue(
                "model.classifier.image-features", ConfigValueFactory.fromAnyRef(imageFeatures))
            .getConfig("model"));
  }

  /** The groups of parameters one classification step changed: s, branch, backbone, other. */
  private static TreeSet<String> changedByClassificationStep(boolean roiGradient, UpdateRule rule) {
    return changedByClassificationStep(model(roiGradient, false), rule);
  }

  private static TreeSet<String> changedByClassificationStep(ModelSettings m, UpdateRule rule) {
    SsmModel model = ModelWiring.model(m, Regime.SCRATCH);
    TrainingSettings settings = new TrainingSettings(Regime.FROZEN, rule, 1, 1, 1e-3, 0, 7, 1, 1);
    try (GraphFixture g = new GraphFixture()) {
      TrainingGraph tg = TrainingGraph.build(g.context(), model, settings);
      var params = g.context().parameters().all();
      Map<String, float[]> before = TrainingStepsTest.snapshot(g.session(), params);
      new ClassificationStep(tg, 7).run(g.session(), cls, 0, 1e-3);
      Map<String, float[]> after = TrainingStepsTest.snapshot(g.session(), params);
      TreeSet<String> groups = new TreeSet<>();
      Predicate<String> branch = n -> n.contains("_s2.");
      for (String name : before.keySet()) {
        if (!Arrays.equals(before.get(name), after.get(name))) {
          groups.add(
              ParameterGroups.sHead(name)
                  ? "s"
                  : branch.test(name)
                      ? "branch"
                      : ParameterGroups.backbone(name) ? "backbone" : "other: " + name);
        }
      }
      return groups;
    }
  }

  @Test
  void sBranchMovesTheSecondBranchOnlyThroughTheBatch() {
    assertEquals(
        new TreeSet<>(List.of("s", "branch")),
        changedByClassificationStep(true, UpdateRule.S_BRANCH));
    assertEquals(
        new TreeSet<>(List.of("s")), changedByClassificationStep(false, UpdateRule.S_BRANCH));
  }

  @Test
  void sBranchBackboneAlsoMovesTheBackbone() {
    assertEquals(
        new TreeSet<>(List.of("s", "branch", "backbone")),
        changedByClassificationStep(true, UpdateRule.S_BRANCH_BACKBONE));
  }

  @Test
  void thePapersRuleGetsNoGradientThroughTheBatch() {
    // s-backbone without roi-gradient: the backbone's gradient is zero, so it does not move
    assertEquals(
        new TreeSet<>(List.of("s")), changedByClassificationStep(false, UpdateRule.S_BACKBONE));
  }

  @Test
  void imageFeaturesGiveTheBackboneAGradientWithoutTheBatch() {
    // model.classifier.image-features: S reads the feature map itself, so the paper's rule moves
    // the backbone through S's loss alone
    assertEquals(
        new TreeSet<>(List.of("s", "backbone")),
        changedByClassificationStep(model(false, true), UpdateRule.S_BACKBONE));
    assertEquals(
        new TreeSet<>(List.of("s", "branch")),
        changedByClassificationStep(model(true, true), UpdateRule.S_BRANCH));
  }
}
