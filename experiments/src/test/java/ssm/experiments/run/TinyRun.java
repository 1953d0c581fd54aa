package ssm.experiments.run;

import java.util.List;
import ssm.settings.Settings;
import ssm.settings.SettingsLoader;

/** Settings of a run small enough for a unit test: scratch-r18-2 on 96x96 synthetic slices. */
final class TinyRun {
  private TinyRun() {}

  /** 10 segmentation and 10 classification slices (6 train, 2 val, 2 test), {@code epochs}. */
  static Settings settings(int epochs, String... more) {
    List<String> sets =
        new java.util.ArrayList<>(
            List.of(
                "data.synthetic { seg = 10, cls = 10, size = 96, seed = 5 }",
                "data.min-lesion-area = 10",
                "model.input { min-size = 96, max-size = 192 }",
                "training.epochs = " + epochs,
                "training.learning-rate = 1e-4"));
    sets.addAll(List.of(more));
    return new SettingsLoader().load("scratch-r18-2", List.of(), sets);
  }
}
