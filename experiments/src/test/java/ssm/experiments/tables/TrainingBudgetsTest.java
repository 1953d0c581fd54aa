package ssm.experiments.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssm.settings.SettingsLoader;
import ssm.settings.Variant;

class TrainingBudgetsTest {

  /** Writes each run's config.conf as a grid run does: the variant's settings under a profile. */
  private static List<PaperTables.Run> trained(Path dir, String profile, String... sets) {
    List<PaperTables.Run> runs = PaperTables.scan(dir, new ArrayList<>());
    for (PaperTables.Run r : runs) {
      new SettingsLoader()
          .load(r.variant().name(), profile, List.of(), List.of(sets))
          .writeTo(r.file().getParent());
    }
    return runs;
  }

  @Test
  void oneBudgetIsGivenOnce(@TempDir Path dir) throws Exception {
    List<PaperTables.Run> runs = trained(PaperTablesTest.runs(dir), "smoke");
    assertEquals(
        "Training budget (each run's config.conf), the same for all 3 runs: input 96 px (max"
            + " 192), Stage I 1 epoch (shared and frozen), Stage II 1 epoch, learning rate 1e-4.",
        TrainingBudgets.caption(runs));
  }

  @Test
  void aStageOneLearningRateOfItsOwnIsGivenForTheRunsWithStageOne(@TempDir Path dir)
      throws Exception {
    List<PaperTables.Run> runs =
        trained(PaperTablesTest.runs(dir), "smoke", "training.stage1-learning-rate=6e-4");
    assertEquals(
        "Training budget (each run's config.conf), the same for all 3 runs: input 96 px (max"
            + " 192), Stage I 1 epoch (shared and frozen), Stage II 1 epoch. **Learning rate"
            + " differs**: 1e-4 for scratch-r18-3; 6e-4 in Stage I, 1e-4 in Stage II for the"
            + " other 2.",
        TrainingBudgets.caption(runs));
  }

  @Test
  void aClassificationLearningRateOfItsOwnFollowsTheStages(@TempDir Path dir) throws Exception {
    List<PaperTables.Run> runs =
        trained(
            PaperTablesTest.runs(dir),
            "smoke",
            "training.stage1-learning-rate=6e-4",
            "training.classification-learning-rate=3e-4");
    assertEquals(
        "Training budget (each run's config.conf), the same for all 3 runs: input 96 px (max"
            + " 192), Stage I 1 epoch (shared and frozen), Stage II 1 epoch. **Learning rate"
            + " differs**: 1e-4 (classification steps 3e-4) for scratch-r18-3; 6e-4 in Stage I,"
            + " 1e-4 in Stage II (classification steps 3e-4) for the other 2.",
        TrainingBudgets.caption(runs));
  }

  @Test
  void perVariantBudgetsNameTheRunsOfEachValue(@TempDir Path dir) throws Exception {
    for (Variant v : Variant.all()) {
      PaperTablesTest.write(
          dir.resolve("paper-demo/" + v.name() + "/metrics.json"),
          PaperTablesTest.metrics(
              v.name(), PaperTablesTest.SYNTHETIC, 0.3, new double[] {1, 1, 1}, 0.5, null));
    }
    List<PaperTables.Run> runs = trained(dir, "demo");
    // configs/profiles/demo.conf: "*-3" at 256 px; Stage II 4 epochs for "*-r34-3" and
    // "scratch-*-3", 5 for scratch-r34-3; learning rate 5e-4 for "*-r34-3"
    String expected =
        "Training budget (each run's config.conf), the same for all 12 runs: Stage I 2 epochs"
            + " (shared and frozen). **Input differs**: 256 px (max 512) for"
            + " shared-r18-3, shared-r34-3, frozen-r18-3, frozen-r34-3, scratch-r18-3,"
            + " scratch-r34-3; 128 px (max 256) for the other 6. **Stage II epochs differ**: 4"
            + " epochs for shared-r34-3, frozen-r34-3, scratch-r18-3; 5 epochs for scratch-r34-3;"
            + " 2 epochs for the other 8. **Learning rate differs**: 5e-4 for shared-r34-3,"
            + " frozen-r34-3, scratch-r34-3; 1e-3 for the other 9.";
    assertEquals(expected, TrainingBudgets.caption(runs));
    // every measured table ends its caption with it
    assertTrue(PaperTables.table2(runs).caption().endsWith("\n\n" + expected));
    assertTrue(PaperTables.table3(runs).caption().endsWith("\n\n" + expected));
  }
}
