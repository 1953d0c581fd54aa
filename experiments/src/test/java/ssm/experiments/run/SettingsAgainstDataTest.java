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

/**
 * Settings the training data cannot serve are refused with a message that names the setting and the
 * data, before the run folder is written.
 */
class SettingsAgainstDataTest {
  @TempDir Path dir;

  @Test
  void aPseudoLabelledCollectionWithoutSlices() throws Exception {
    Settings s =
        TinyRun.settings(
            1,
            "training.pseudo-label-collection = radiopaedia",
            "training.pseudo-label-weight = 0.3");
    DataSources data = DataSources.resolve(s, null, null, dir);
    assertEquals(
        "training.pseudo-label-collection = radiopaedia: no segmentation training slice in "
            + data.segTrain()
            + " belongs to it (its collections: seg)",
        refused(s, data));
  }

  @Test
  void aCollectionAdversaryOverOneCollection() throws Exception {
    Settings s = TinyRun.settings(1, "training.collection-adversary-weight = 0.5");
    DataSources data = DataSources.resolve(s, null, null, dir);
    assertEquals(
        "training.collection-adversary-weight = 0.5 needs classification training slices of at"
            + " least two collections; those of "
            + data.clsTrain()
            + " are all of cls (docs/reference/data.md, \"A slice's collection\")",
        refused(s, data));
  }

  /** The message of the refusal of a run of {@code s} on {@code data}, which writes no folder. */
  private String refused(Settings s, DataSources data) {
    Path run = dir.resolve("run");
    SettingsException e =
        assertThrows(
            SettingsException.class,
            () -> TrainingRun.run(Variant.of(s), s, data, run, TrainingRun.Start.FRESH));
    assertFalse(Files.exists(run), "a refused run writes no folder");
    return e.getMessage();
  }
}
