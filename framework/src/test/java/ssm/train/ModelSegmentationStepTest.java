package ssm.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import ssm.graph.GraphContext;
import ssm.graph.Parameter;
import ssm.graph.Tensors;
import ssm.layers.BatchNormMode;
import ssm.loss.Losses;
import ssm.loss.MaskLoss;
import ssm.loss.RoiLoss;
import ssm.loss.RpnLoss;
import ssm.mask.MaskHead;
import ssm.model.SsmModel;
import ssm.roi.BranchOutputs;
import ssm.rpn.ProposalGenerator;
import ssm.rpn.Proposals;
import ssm.rpn.RpnHead;
import ssm.rpn.RpnOutputs;
import ssm.settings.ModelSettings;
import ssm.settings.Regime;
import ssm.targets.MaskTargets;
import ssm.targets.RoiTargets;
import ssm.targets.RpnTargets;
import ssm.targets.SampledRois;
import ssm.testing.GraphFixture;
import ssm.testing.TestSettings;
import ssm.wiring.ModelWiring;

/**
 * Eq. 1 on the real model (ResNet18, 3 blocks, base.conf) at 128 x 128: training-mode BatchNorm,
 * proposals, the targets, all five terms; every parameter of the segmentation graph receives a
 * gradient through TF Java's registry, and one PytorchAdam step runs and changes the weights.
 */
class ModelSegmentationStepTest {
  private static final int SIZE = 128;

  @Test
  void everySegmentationParameterGetsAGradientAndOneStepRuns() {
    try (GraphFixture f = new GraphFixture()) {
      GraphContext g = f.context();
      Ops tf = f.tf();
      ModelSettings settings = TestSettings.model();
      SsmModel model = ModelWiring.model(settings, Regime.SCRATCH);
      // fed, not constants: keeps Grappler from folding (and logging) megabytes of constants
      Placeholder<TFloat32> image = tf.placeholder(TFloat32.class);
      Placeholder<TFloat32> gtMasks = tf.placeholder(TFloat32.class);
      Operand<TFloat32> features =
          model.features(
              g,
              tf,
              model.input().apply(tf, tf.ensureShape(image, Shape.of(SIZE, SIZE, 3))),
              BatchNormMode.TRAINING);
      RpnOutputs rpn =
          new RpnHead(settings.fpnChannels(), settings.anchors().perLocation())
              .build(g, tf, features);
      Operand<TFloat32> anchors = model.anchors(tf, features);
      Proposals proposals =
          new ProposalGenerator(settings.rpn())
              .build(tf, rpn, anchors, tf.constant(SIZE), tf.constant(SIZE));
      Operand<TFloat32> gt = tf.constant(new float[][] {{20, 24, 60, 56}, {70, 64, 116, 120}});
      var seed = tf.constant(new long[] {1, 2});

      SampledRois rois =
          RoiTargets.from(settings.roi())
              .build(tf, proposals.boxes(), gt, tf.math.add(seed, tf.constant(new long[] {0, 1})));
      BranchOutputs branch =
          model
              .segmentationBranch()
              .apply(
                  g, tf, model.roiAlign(tf, features, rois.boxes(), settings.roi().outputSize()));
      Operand<TFloat32> positives = rois.positiveBoxes(tf);
      Operand<TFloat32> maskLogits =
          new MaskHead(settings.mask(), settings.fpnChannels())
              .logits(g, tf, model.roiAlign(tf, features, positives, settings.mask().outputSize()));
      Losses.SegmentationTerms terms =
          new Losses.SegmentationTerms(
              RpnLoss.compute(
                  tf,
                  rpn.objectnessLogits(),
                  rpn.anchorDeltas(),
                  RpnTargets.from(settings.rpn()).build(tf, anchors, gt, seed)),
              RoiLoss.compute(tf, branch, rois),
              MaskLoss.compute(
                  tf,
                  maskLogits,
                  MaskTargets.standard()
                      .build(
                          tf,
                          tf.ensureShape(gtMasks, Shape.of(2, SIZE, SIZE)),
                          positives,
                          rois.positiveMatchedGt(tf))));
      Operand<TFloat32> loss = Losses.segmentation(tf, terms);

      List<Parameter> trainable = g.parameters().trainable(n -> true);
      List<PytorchAdam.ParameterGradient> pairs = PytorchAdam.gradients(g.graph(), loss, trainable);
      pairs.forEach(p -> assertNotNull(p.gradient(), p.name() + " has no gradient"));
      assertTrue(trainable.stream().anyMatch(p -> p.name().startsWith("backbone.body.")));
      assertTrue(trainable.stream().anyMatch(p -> p.name().contains("mask_fcn_logits")));

      PytorchAdam adam = new PytorchAdam(tf, "segmentation", 1e-3, 1e-3);
      List<Operand<?>> before = new ArrayList<>(terms.byTag().values());
      before.add(loss);
      Op step = adam.update(pairs, before.toArray(Operand<?>[]::new));
      Parameter probe = g.parameters().get("rpn.head.conv.weight");
      float[] w0 = f.fetchFloats(probe.variable());
      TFloat32 imageValue = Tensors.floats(image(), SIZE, SIZE, 3);
      TFloat32 maskValue = Tensors.floats(masks(), 2, SIZE, SIZE);
      var runner =
          f.session().runner().feed(image, imageValue).feed(gtMasks, maskValue).addTarget(step);
      g.batchNormUpdates().forEach(runner::addTarget);
      terms.byTag().values().forEach(runner::fetch);
      try (Result r = runner.run()) {
        for (int i = 0; i < 5; i++) {
          float v = ((TFloat32) r.get(i)).getFloat();
          assertTrue(Float.isFinite(v) && v >= 0, "term " + i + " = " + v);
        }
      } finally {
        imageValue.close();
        maskValue.close();
      }
      float[] w1 = f.fetchFloats(probe.variable());
      assertEquals(w0.length, w1.length);
      assertFalse(java.util.Arrays.equals(w0, w1));
    }
  }

  private static float[] image() {
    Random random = new Random(3);
    float[] px = new float[SIZE * SIZE * 3];
    float[] m = masks();
    for (int i = 0; i < SIZE * SIZE; i++) {
      boolean lesion = m[i] > 0 || m[SIZE * SIZE + i] > 0;
      for (int c = 0; c < 3; c++) {
        px[3 * i + c] = lesion ? 0.8f : 0.4f * random.nextFloat();
      }
    }
    return px;
  }

  /** Two elliptical lesions inside the gt boxes. */
  private static float[] masks() {
    float[][] gt = {{20, 24, 60, 56}, {70, 64, 116, 120}};
    float[] m = new float[2 * SIZE * SIZE];
    for (int k = 0; k < 2; k++) {
      float cx = (gt[k][0] + gt[k][2]) / 2;
      float cy = (gt[k][1] + gt[k][3]) / 2;
      float rx = (gt[k][2] - gt[k][0]) / 2;
      float ry = (gt[k][3] - gt[k][1]) / 2;
      for (int y = 0; y < SIZE; y++) {
        for (int x = 0; x < SIZE; x++) {
          float dx = (x + 0.5f - cx) / rx;
          float dy = (y + 0.5f - cy) / ry;
          m[k * SIZE * SIZE + y * SIZE + x] = dx * dx + dy * dy <= 1 ? 1 : 0;
        }
      }
    }
    return m;
  }
}
