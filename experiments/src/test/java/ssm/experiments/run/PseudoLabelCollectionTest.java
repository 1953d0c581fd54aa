package ssm.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssm.settings.Settings;
import ssm.settings.SettingsException;
import ssm.settings.Variant;

/** A pseudo-labelled collection that no segmentation training slice belongs to is refused. */
class PseudoLabelCollectionTest {
  @TempDir Path dir;

  @Test
  void aCollectionWithoutSlicesIsRefusedBeforeTheRunFolderIsWritten() throws Exception {
    Settings s =
        TinyRun.settings(
            1,
            "training.pseudo-label-collection = radiopaedia",
            "training.pseudo-label-weight = 0.3");
    DataSources data = DataSources.resolve(s, null, null, dir);
    Path run = dir.resolve("run");
    SettingsException e =
        assertThrows(
            SettingsException.class,
            () -> TrainingRun.run(Variant.of(s), s, data, run, TrainingRun.Start.FRESH));
    assertEquals(
        "training.pseudo-label-collection = radiopaedia: no segmentation training slice in "
            + data.segTrain()
            + " belongs to it (its collections: seg)",
        e.getMessage());
    assertFalse(Files.exists(run), "a refused run writes no folder");
  }
}
