package ssm.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.Session;
import ssm.data.ClassificationExample;
import ssm.data.CovidxSplit;
import ssm.data.ReaderOptions;
import ssm.data.SegmentationExample;
import ssm.data.SegmentationFolder;
import ssm.data.synthetic.SyntheticCtGenerator;
import ssm.graph.Parameter;
import ssm.graph.Tensors;
import ssm.model.ParameterGroups;
import ssm.model.SsmModel;
import ssm.settings.Regime;
import ssm.settings.TrainingSettings;
import ssm.settings.UpdateRule;
import ssm.testing.GraphFixture;
import ssm.testing.TestSettings;
import ssm.wiring.ModelWiring;

/**
 * Which variables each step type changes, per regime (docs/explanation/model.md#53-update-rules): S
 * never changes in a segmentation step; the RPN, the segmentation branch and the mask head never
 * change in a classification step; the classification branch changes only by copy.
 */
class TrainingStepsTest {
  @TempDir static Path dir;
  static SegmentationExample seg;
  static ClassificationExample cls;

  static final ReaderOptions OPTIONS =
      ReaderOptions.defaults().withSize(128, 256).withMinLesionArea(20);

  @BeforeAll
  static void data() {
    seg = firstSliceWithLesions(dir);
    cls = new CovidxSplit(dir.resolve("cls/train.txt"), dir.resolve("cls/images"), OPTIONS).load(0);
  }

  /**
   * Generates small synthetic slices into {@code dir}; the first segmentation slice with lesions.
   */
  static SegmentationExample firstSliceWithLesions(Path dir) {
    SyntheticCtGenerator.generate(
        dir, new SyntheticCtGenerator.Options(10, 6, 128, 3), (done, total) -> {});
    SegmentationFolder folder = new SegmentationFolder(dir.resolve("seg/train"), OPTIONS);
    for (int i = 0; ; i++) {
      SegmentationExample e = folder.load(i);
      if (e.count() > 0) {
        return e;
      }
    }
  }

  static TrainingSettings settings(Regime regime) {
    return new TrainingSettings(regime, UpdateRule.S_BACKBONE, 1, 1, 1e-3, 1e-3, 7, 1, 1);
  }

  /** Runs one step of each kind and reports which parameters changed. */
  private static void check(SsmModel model, Regime regime) {
    try (GraphFixture g = new GraphFixture()) {
      TrainingGraph tg = TrainingGraph.build(g.context(), model, settings(regime));
      Session s = g.session();
      Map<String, float[]> before = snapshot(s, g.context().parameters().all());
      double lr = settings(regime).learningRate();
      new SegmentationStep(tg, settings(regime).seed()).run(s, seg, 0, lr, null);
      Map<String, float[]> afterSeg = snapshot(s, g.context().parameters().all());
      for (String name : before.keySet()) {
        boolean changed = !java.util.Arrays.equals(before.get(name), afterSeg.get(name));
        boolean s2 = name.contains("_s2.");
        if (ParameterGroups.sHead(name) || s2) {
          assertFalse(changed, name + " must not change in a segmentation step");
        } else if (name.endsWith(".weight")
            && !name.contains("downsample.1")
            && !name.contains(".bn")) {
          assertTrue(changed, name + " must change in a segmentation step");
        }
      }
      new ClassificationStep(tg, settings(regime).seed()).run(s, cls, 1, lr);
      Map<String, float[]> afterCls = snapshot(s, g.context().parameters().all());
      for (String name : before.keySet()) {
        boolean changed = !java.util.Arrays.equals(afterSeg.get(name), afterCls.get(name));
        boolean updated = ParameterGroups.sHead(name) || ParameterGroups.backbone(name);
        if (!updated || name.endsWith("running_mean") || name.endsWith("running_var")) {
          assertFalse(changed, name + " must not change in a classification step");
        }
      }
      assertTrue(
          !java.util.Arrays.equals(
              afterSeg.get("s2new.fc_scores.weight"), afterCls.get("s2new.fc_scores.weight")),
          "S changes in a classification step");
      if (tg.copyRule.twoBranches()) {
        tg.copyRule.copy(s);
        Map<String, float[]> copied = snapshot(s, g.context().parameters().all());
        assertArrayEquals(
            copied.get("roi_heads.box_head.fc6.weight"),
            copied.get("roi_heads.box_head_s2.fc6.weight"),
            "copy makes the branches equal");
      }
    }
  }

  @Test
  void twoBranchStepsTouchOnlyTheirParameters() {
    check(ModelWiring.model(TestSettings.model(), Regime.SCRATCH), Regime.SCRATCH);
  }

  @Test
  void sharedStepsTouchOnlyTheirParameters() {
    check(ModelWiring.model(TestSettings.model(18, 2), Regime.SHARED), Regime.SHARED);
  }

  static Map<String, float[]> snapshot(Session s, List<Parameter> params) {
    Session.Runner r = s.runner();
    params.forEach(p -> r.fetch(p.variable()));
    Map<String, float[]> out = new HashMap<>();
    try (Result res = r.run()) {
      for (int i = 0; i < params.size(); i++) {
        out.put(params.get(i).name(), Tensors.toFloats(res.get(i)));
      }
    }
    assertEquals(params.size(), out.size());
    return out;
  }
}
