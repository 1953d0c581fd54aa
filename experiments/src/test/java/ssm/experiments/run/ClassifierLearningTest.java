package ssm.experiments.run;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssm.settings.Settings;
import ssm.settings.SettingsLoader;
import ssm.settings.Variant;
import ssm.testing.SlowTest;

/**
 * End-to-end learning of both outputs at 128 px: a short scratch-regime run (24 epochs, 648
 * iterations, about 6 minutes; 12 epochs were enough for the Conv2D build and fell to chance after
 * the switch to the Conv op changed the rounding of the trajectory), then the evaluation on the
 * HELD-OUT synthetic test splits: the classifier beats chance and lesions are found. Deterministic
 * (seeded data and samplers, TF_DETERMINISTIC_OPS=1), so the figures in the comments reproduce.
 */
@SlowTest
class ClassifierLearningTest {
  @TempDir Path dir;

  @Test
  void classifierBeatsChanceOnHeldOutSlices() throws Exception {
    Settings s =
        new SettingsLoader()
            .load(
                "scratch-r18-2",
                List.of(),
                List.of(
                    "data.synthetic { seg = 40, cls = 45, size = 128, seed = 5 }",
                    "data.min-lesion-area = 20",
                    "model.input { min-size = 128, max-size = 256 }",
                    "training { epochs = 24, learning-rate = 3e-4, checkpoint-every-epochs = 24 }"));
    Variant v = Variant.of(s);
    DataSources data = DataSources.resolve(s, null, null, dir);
    Path weights = TrainingRun.run(v, s, data, dir.resolve("run"), TrainingRun.Start.FRESH);
    EvaluationRun.Result r =
        EvaluationRun.evaluate(
            v,
            s,
            weights,
            data.segTest(),
            data.clsTest(),
            dir.resolve("run"),
            0,
            false,
            new PrintWriter(new StringWriter()));
    var cls = r.report().classification();
    System.out.println("held-out: " + r.evaluation().toText());
    double accuracy = cls.accuracy();
    // measured 6 of 9 held-out slices right (0.667), macro F1 0.656; chance is 1/3
    assertTrue(accuracy > 0.5, "held-out accuracy " + accuracy + " (chance 1/3)");
    // measured COCO mask AP50 0.337 (paper AP@0.5 0.833) on the held-out segmentation slices;
    // untrained: 0
    double ap50 = r.evaluation().cocoSegm().stats().ap50();
    assertTrue(ap50 > 0.2, "held-out COCO mask AP50 " + ap50);
  }
}
