package ssm.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ssm.eval.Evaluation;
import ssm.eval.MetricTags;
import ssm.metrics.CocoAnnotation;
import ssm.metrics.CocoCategory;
import ssm.metrics.CocoDataset;
import ssm.metrics.CocoDetection;
import ssm.metrics.CocoImage;
import ssm.metrics.CocoSegmentation;
import ssm.metrics.Rle;

class ValidationHookTest {
  /** A 4x4 mask with the first {@code rows} rows' first {@code cols} columns set. */
  private static Rle block(int rows, int cols) {
    byte[] m = new byte[16];
    for (int y = 0; y < rows; y++) {
      for (int x = 0; x < cols; x++) {
        m[y * 4 + x] = 1;
      }
    }
    return Rle.encode(m, 4, 4);
  }

  /** Slice 1: lesion the top-left 2x2, detection row 0 at {@code score}; slice 2: nothing. */
  private static Evaluation evaluation(double score) {
    Rle truth = block(2, 2);
    CocoDataset gt =
        new CocoDataset(
            List.of(new CocoImage(1, 4, 4, "a.png"), new CocoImage(2, 4, 4, "b.png")),
            List.of(
                new CocoAnnotation(
                    1,
                    1,
                    1,
                    new CocoSegmentation.RleMask(truth),
                    truth.toBbox(),
                    truth.area(),
                    false)),
            List.of(new CocoCategory(1, "lesion", "lesion")));
    List<CocoDetection> dt = List.of(CocoDetection.ofMask(1, 1, score, block(1, 4), true));
    return new Evaluation(null, null, null, null, gt, dt, 2, 0, 0, 0, 0, List.of(), List.of());
  }

  @Test
  void validationLogsTheLesionAreasDiceAtTheStatedScore() {
    // TP 2, FP 2, FN 2: Dice 4/8 on slice 1; slice 2 has neither, left out of the mean
    Map<String, Number> m = ValidationHook.scalars(evaluation(0.9), 0.5);
    assertEquals(0.5, m.get(MetricTags.LESION_DICE).doubleValue(), 1e-12);
    assertEquals(0.5, m.get(MetricTags.LESION_DICE_POOLED).doubleValue(), 1e-12);
    // below the threshold the detection does not count: Dice 0
    Map<String, Number> low = ValidationHook.scalars(evaluation(0.4), 0.5);
    assertEquals(0.0, low.get(MetricTags.LESION_DICE).doubleValue(), 0);
    assertFalse(low.containsKey(MetricTags.F1));
  }
}
