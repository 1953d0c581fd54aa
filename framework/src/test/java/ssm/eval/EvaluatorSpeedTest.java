package ssm.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssm.data.LesionMask;
import ssm.data.SegmentationFolder;
import ssm.data.synthetic.SyntheticCtGenerator;
import ssm.metrics.Rle;
import ssm.predict.Lesion;
import ssm.predict.Prediction;
import ssm.testing.SlowTest;

/**
 * The evaluator's own cost (decoding, ground truth, paper AP, COCO segm + bbox) on 100 synthetic
 * 512x512 slices, with a model that answers instantly: each slice's gt instances (shifted by 3 px,
 * so IoUs are not all 1) plus two false alarms. Opt-in, it writes 100 slices first: {@code mvn -q
 * -o -pl framework test -Dtest=EvaluatorSpeedTest -Dssm.speed=true
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@SlowTest
class EvaluatorSpeedTest {
  @Test
  void hundredSlicesOf512(@TempDir Path dir) {
    assumeTrue(Boolean.getBoolean("ssm.speed"), "opt-in: -Dssm.speed=true");
    SyntheticCtGenerator.generate(
        dir, new SyntheticCtGenerator.Options(100, 0, 512, 1), (done, total) -> {});
    SegmentationFolder folder = SegmentationFolder.open(dir.resolve("seg/train"));
    SegmentationFolder test = SegmentationFolder.open(dir.resolve("seg/test"));
    // answers prepared up front, so that the timing is the evaluator's alone
    Map<String, List<Lesion>> answers = new HashMap<>();
    for (SegmentationFolder f : List.of(folder, test)) {
      for (int i = 0; i < f.size(); i++) {
        answers.put(f.id(i), answer(f.instances(i)));
      }
    }
    long start = System.nanoTime();
    Evaluation e =
        new Evaluator(
                s ->
                    new Prediction(
                        s.id(),
                        s.originalHeight(),
                        s.originalWidth(),
                        new float[3],
                        new float[] {1, 0, 0},
                        answers.get(s.id()),
                        null),
                new Evaluator.Options(0, System.err, false))
            .evaluate(folder, null);
    double seconds = (System.nanoTime() - start) / 1e9;
    assertEquals(80, e.segmentationSlices());
    long startTest = System.nanoTime();
    Evaluation t =
        new Evaluator(
                s ->
                    new Prediction(
                        s.id(),
                        s.originalHeight(),
                        s.originalWidth(),
                        new float[3],
                        new float[] {1, 0, 0},
                        answers.get(s.id()),
                        null),
                Evaluator.Options.quiet())
            .evaluate(test, null);
    double testSeconds = (System.nanoTime() - startTest) / 1e9;
    int slices = e.segmentationSlices() + t.segmentationSlices();
    int detections = e.detections().size() + t.detections().size();
    System.out.printf(
        Locale.ROOT,
        "EvaluatorSpeedTest: %d slices of 512x512, %d detections: "
            + "%.2f s (%.1f ms per slice) without the model; paper AP %.3f, COCO segm AP %.3f%n",
        slices,
        detections,
        seconds + testSeconds,
        1000 * (seconds + testSeconds) / slices,
        e.paper().ap(),
        e.cocoSegm().stats().ap());
  }

  private static List<Lesion> answer(LesionMask.Instances inst) {
    List<Lesion> out = new ArrayList<>();
    int n = 512 * 512;
    for (int k = 0; k < inst.count(); k++) {
      byte[] m = new byte[n];
      for (int p = 0; p < n - 3; p++) {
        m[p + 3] = inst.masks()[k * n + p]; // 3 px to the right
      }
      out.add(lesion(m, 0.9f - 0.01f * k));
    }
    byte[] fp = new byte[n];
    for (int y = 10; y < 30; y++) {
      for (int x = 10; x < 40; x++) {
        fp[y * 512 + x] = 1;
      }
    }
    out.add(lesion(fp, 0.8f));
    out.add(lesion(fp, 0.3f));
    return out;
  }

  private static Lesion lesion(byte[] m, float score) {
    Rle rle = Rle.encode(m, 512, 512);
    double[] b = rle.toBbox();
    return new Lesion(
        new float[] {(float) b[0], (float) b[1], (float) (b[0] + b[2]), (float) (b[1] + b[3])},
        score,
        rle);
  }
}
