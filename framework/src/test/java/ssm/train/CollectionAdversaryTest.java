package ssm.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigValueFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import ssm.data.CovidxSplit;
import ssm.data.ReaderOptions;
import ssm.data.synthetic.SyntheticCtGenerator;
import ssm.graph.Parameter;
import ssm.io.Safetensors;
import ssm.loss.LossTags;
import ssm.model.ParameterGroups;
import ssm.model.SsmModel;
import ssm.run.RunFolder;
import ssm.settings.ModelSettings;
import ssm.settings.Regime;
import ssm.settings.TrainingSettings;
import ssm.testing.GraphFixture;
import ssm.testing.TestSettings;
import ssm.wiring.ModelWiring;

/**
 * {@code training.collection-adversary-weight}: the adversary's two cross-entropies, what one
 * classification step moves, and where a checkpoint keeps the adversary.
 */
class CollectionAdversaryTest {
  @TempDir static Path dir;
  static CovidxSplit split;

  /** The synthetic classification slices, alternately of collections "alpha" and "beta". */
  @BeforeAll
  static void data() throws IOException {
    SyntheticCtGenerator.generate(
        dir, new SyntheticCtGenerator.Options(2, 10, 128, 3), (done, total) -> {});
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(dir.resolve("cls/train.txt"))) {
      if (!line.isBlank()) {
        lines.add(line.strip() + (lines.size() % 2 == 0 ? " alpha" : " beta"));
      }
    }
    Files.write(dir.resolve("cls/two.txt"), lines);
    split =
        new CovidxSplit(
            dir.resolve("cls/two.txt"),
            dir.resolve("cls/images"),
            ReaderOptions.defaults().withSize(128, 256));
  }

  @Test
  void crossEntropiesOfTheCollectionAndOfAllCollectionsAlike() {
    try (GraphFixture g = new GraphFixture()) {
      Operand<TFloat32> logits = g.constant(new float[] {1f, 2f, 0f}, 1, 3);
      // log softmax = (1, 2, 0) - log(e + e^2 + 1) = (-1.40761, -0.40761, -2.40761)
      assertEquals(
          0.40761f,
          g.fetchFloats(
                  CollectionAdversary.crossEntropy(
                      g.tf(), logits, g.constant(new float[] {0f, 1f, 0f}, 1, 3)))[0],
          1e-5f);
      float third = 1f / 3;
      assertEquals(
          1.40761f,
          g.fetchFloats(
                  CollectionAdversary.crossEntropy(
                      g.tf(), logits, g.constant(new float[] {third, third, third}, 1, 3)))[0],
          1e-5f);
    }
  }

  @Test
  void theIndexNumbersCollectionsInNameOrder() {
    CollectionIndex index = CollectionIndex.of(split, 3);
    assertEquals(List.of("alpha", "beta"), index.names());
    assertEquals(0, index.of(split.id(0)));
    assertEquals(1, index.of(split.id(1)));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> index.of("elsewhere.png"));
    assertEquals(
        "classification slice elsewhere.png is not among the run's training slices",
        e.getMessage());
  }

  @Test
  void withinAClassEveryCollectionThatHoldsItHasEqualOdds() throws IOException {
    // (class, collection): (0, alpha), (0, beta), (2, alpha), (2, beta), (2, gamma); no class 1
    String[][] cells = {
      {"0", "alpha"}, {"0", "beta"}, {"2", "alpha"}, {"2", "beta"}, {"2", "gamma"}
    };
    List<String> lines = new ArrayList<>();
    List<String> source = Files.readAllLines(dir.resolve("cls/train.txt"));
    for (int i = 0; i < cells.length; i++) {
      String[] t = source.get(i).strip().split("\\s+");
      t[1] = cells[i][0];
      lines.add(String.join(" ", t) + " " + cells[i][1]);
    }
    Files.write(dir.resolve("cls/cells.txt"), lines);
    CollectionIndex index =
        CollectionIndex.of(
            new CovidxSplit(
                dir.resolve("cls/cells.txt"),
                dir.resolve("cls/images"),
                ReaderOptions.defaults().withSize(128, 256)),
            3);
    float third = 1f / 3;
    float[][] odds = index.withinClassOdds();
    assertArrayEquals(new float[] {0.5f, 0.5f, 0f}, odds[0], 0f);
    assertArrayEquals(new float[] {third, third, third}, odds[1], 0f, "no slice: all alike");
    assertArrayEquals(new float[] {third, third, third}, odds[2], 0f);
  }

  @Test
  void oneCollectionLeavesNothingToTell() {
    CovidxSplit one =
        new CovidxSplit(
            dir.resolve("cls/train.txt"),
            dir.resolve("cls/images"),
            ReaderOptions.defaults().withSize(128, 256));
    try (GraphFixture g = new GraphFixture()) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  TrainingGraph.build(
                      g.context(), model(), settings(0.5), CollectionIndex.of(one, 3)));
      assertTrue(e.getMessage().endsWith("they are all of [cls]"), e.getMessage());
    }
  }

  /**
   * One step moves S (and S's RoI branch: the real profile's s-branch rule with the RoI gradient)
   * and the adversary, reports both losses, and a checkpoint keeps the adversary in its optimizer
   * file, never in its weights file.
   */
  @Test
  void aStepTrainsTheAdversaryAndItsCheckpointKeepsItOutOfTheWeights() throws IOException {
    try (GraphFixture g = new GraphFixture()) {
      TrainingGraph tg =
          TrainingGraph.build(g.context(), model(), settings(0.5), CollectionIndex.of(split, 3));
      CollectionAdversary adversary = tg.collectionAdversary.orElseThrow();
      List<Parameter> all = new ArrayList<>(g.context().parameters().all());
      all.addAll(adversary.parameters());
      Map<String, float[]> before = TrainingStepsTest.snapshot(g.session(), all);
      ClassificationStep step = new ClassificationStep(tg, 7);
      Map<String, Float> losses = step.run(g.session(), split.load(1), 0, 1e-3);
      Map<String, float[]> after = TrainingStepsTest.snapshot(g.session(), all);
      TreeSet<String> moved = new TreeSet<>();
      for (Parameter p : all) {
        if (!Arrays.equals(before.get(p.name()), after.get(p.name()))) {
          String n = p.name();
          moved.add(
              n.startsWith(CollectionAdversary.PREFIX)
                  ? "adversary"
                  : ParameterGroups.sHead(n) ? "s" : n.contains("_s2.") ? "branch" : n);
        }
      }
      assertEquals(new TreeSet<>(List.of("adversary", "s", "branch")), moved);
      assertEquals(
          List.of(LossTags.CLASSIFICATION, LossTags.COLLECTION_ADVERSARY),
          List.copyOf(losses.keySet()));
      float adversaryLoss = losses.get(LossTags.COLLECTION_ADVERSARY);
      assertTrue(adversaryLoss > 0 && Float.isFinite(adversaryLoss), "loss " + adversaryLoss);

      Path ckpt = Files.createDirectories(dir.resolve("ckpt"));
      CheckpointTensors tensors = new CheckpointTensors(g.session(), g.context().parameters(), tg);
      tensors.writeTo(ckpt);
      Map<String, float[]> saved = TrainingStepsTest.snapshot(g.session(), adversary.parameters());
      assertFalse(
          Safetensors.read(ckpt.resolve(RunFolder.WEIGHTS)).keySet().stream()
              .anyMatch(n -> n.startsWith(CollectionAdversary.PREFIX)),
          "the weights file holds the model only");
      Map<String, Safetensors.Entry> optimizer =
          Safetensors.read(ckpt.resolve(RunFolder.OPTIMIZER));
      for (Parameter p : adversary.parameters()) {
        assertArrayEquals(saved.get(p.name()), optimizer.get(p.name()).data(), p.name());
      }
      step.run(g.session(), split.load(0), 1, 1e-3);
      tensors.restore(ckpt);
      Map<String, float[]> restored =
          TrainingStepsTest.snapshot(g.session(), adversary.parameters());
      for (Parameter p : adversary.parameters()) {
        assertArrayEquals(saved.get(p.name()), restored.get(p.name()), p.name());
      }
    }
  }

  private static SsmModel model() {
    return ModelWiring.model(
        ModelSettings.from(
            TestSettings.base()
                .withValue("model.classifier.roi-gradient", ConfigValueFactory.fromAnyRef(true))
                .withValue("model.classifier.image-features", ConfigValueFactory.fromAnyRef(true))
                .getConfig("model")),
        Regime.FROZEN);
  }

  private static TrainingSettings settings(double adversaryWeight) {
    return TrainingSettings.from(
        TestSettings.base()
            .withValue("training.regime", ConfigValueFactory.fromAnyRef("frozen"))
            .withValue("training.update-rule", ConfigValueFactory.fromAnyRef("s-branch"))
            .withValue("training.weight-decay", ConfigValueFactory.fromAnyRef(0))
            .withValue(
                "training.collection-adversary-weight",
                ConfigValueFactory.fromAnyRef(adversaryWeight))
            .getConfig("training"));
  }
}
