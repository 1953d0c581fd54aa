package ssm.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import ssm.box.Anchors;
import ssm.box.RoiAlign;
import ssm.graph.GraphContext;
import ssm.graph.Init;
import ssm.layers.Conv2d;
import ssm.loss.Losses;
import ssm.loss.MaskLoss;
import ssm.loss.RoiLoss;
import ssm.loss.RpnLoss;
import ssm.mask.MaskHead;
import ssm.roi.BoxBranch;
import ssm.roi.BranchOutputs;
import ssm.settings.ModelSettings;
import ssm.settings.ModelSettings.MaskSettings;
import ssm.targets.AnchorTargets;
import ssm.targets.MaskTargets;
import ssm.targets.RoiTargets;
import ssm.targets.RpnTargets;
import ssm.targets.SampledRois;
import ssm.testing.GraphFixture;
import ssm.testing.TestSettings;

/**
 * The whole Eq. 1 chain on a tiny problem: a 64 x 64 image with two bright lesions, two 3x3 convs
 * (stride 1, so the feature map is 64 x 64), an RPN over 6 anchors per location, the targets of
 * base.conf (RPN 0.7 / 0.3, 256 at 50%; RoI 0.5, 512 at 25%), a box branch and a mask head on fixed
 * jittered proposals, and 50 PytorchAdam steps (lr 0.01, weight decay 1e-3) with a new sampler seed
 * each step. The Eq. 1 loss must fall to less than half its first value.
 */
class TinyDetectionLearningTest {
  private static final int SIZE = 64;
  private static final float[][] GT = {{10, 12, 30, 28}, {36, 34, 58, 60}};

  @Test
  void fiftyAdamStepsHalveTheSegmentationLoss() {
    try (GraphFixture f = new GraphFixture()) {
      GraphContext g = f.context();
      Ops tf = f.tf();
      ModelSettings settings = TestSettings.model();
      Placeholder<TInt64> seed = tf.placeholder(TInt64.class, Placeholder.shape(Shape.of(2)));

      Operand<TFloat32> features = features(g, tf, f.constant(image(), 1, SIZE, SIZE, 3));
      float[] cell = Anchors.cell(new int[] {8, 16}, new float[] {0.5f, 1, 2});
      int perLocation = cell.length / 4;
      Operand<TFloat32> anchors =
          Anchors.grid(
              tf, cell, tf.constant(SIZE), tf.constant(SIZE), tf.constant(1), tf.constant(1));
      Operand<TFloat32> logits =
          tf.reshape(
              Conv2d.named("rpn.cls")
                  .channels(16, perLocation)
                  .init(Init.NORMAL_001)
                  .build()
                  .apply(g, tf, features),
              tf.constant(new int[] {-1}));
      Operand<TFloat32> deltas =
          tf.reshape(
              Conv2d.named("rpn.bbox")
                  .channels(16, 4 * perLocation)
                  .init(Init.NORMAL_001)
                  .build()
                  .apply(g, tf, features),
              tf.constant(new int[] {-1, 4}));

      Operand<TFloat32> gtBoxes = tf.constant(GT);
      AnchorTargets anchorTargets =
          RpnTargets.from(settings.rpn()).build(tf, anchors, gtBoxes, seed);
      SampledRois rois =
          RoiTargets.from(settings.roi())
              .build(
                  tf,
                  f.constant(proposals(), 40, 4),
                  gtBoxes,
                  tf.math.add(seed, tf.constant(new long[] {0, 1})));
      BranchOutputs branch =
          new BoxBranch("box_branch", "box_head", "box_predictor", 16, 7, 32)
              .apply(g, tf, RoiAlign.align(tf, features, rois.boxes(), 1f, 7, 2));
      Operand<TFloat32> maskLogits =
          new MaskHead(new MaskSettings(28, new int[] {16}), 16)
              .logits(g, tf, RoiAlign.align(tf, features, rois.positiveBoxes(tf), 1f, 14, 2));
      Operand<TFloat32> maskTargets =
          MaskTargets.standard()
              .build(
                  tf,
                  f.constant(masks(), 2, SIZE, SIZE),
                  rois.positiveBoxes(tf),
                  rois.positiveMatchedGt(tf));

      Losses.SegmentationTerms terms =
          new Losses.SegmentationTerms(
              RpnLoss.compute(tf, logits, deltas, anchorTargets),
              RoiLoss.compute(tf, branch, rois),
              MaskLoss.compute(tf, maskLogits, maskTargets));
      Operand<TFloat32> loss = Losses.segmentation(tf, terms);
      PytorchAdam adam = new PytorchAdam(tf, "segmentation", 0.01, 1e-3);
      Op step =
          adam.update(
              PytorchAdam.gradients(g.graph(), loss, g.parameters().trainable(n -> true)), loss);

      float first = 0;
      float last = 0;
      for (int i = 0; i < 50; i++) {
        try (TInt64 s = TInt64.vectorOf(i, 17);
            Result r = f.session().runner().feed(seed, s).fetch(loss).addTarget(step).run()) {
          float value = ((TFloat32) r.get(0)).getFloat();
          assertTrue(Float.isFinite(value), "loss at step " + i + " is " + value);
          if (i == 0) {
            first = value;
          }
          last = value;
        }
      }
      System.out.printf(
          "TinyDetectionLearningTest: Eq. 1 loss %.6f -> %.6f after 50 steps%n", first, last);
      assertTrue(last < 0.5f * first, "Eq. 1 loss went from " + first + " to " + last);
    }
  }

  private static Operand<TFloat32> features(GraphContext g, Ops tf, Operand<TFloat32> image) {
    Operand<TFloat32> x =
        tf.nn.relu(
            Conv2d.named("body.conv1")
                .channels(3, 16)
                .kernel(3)
                .padding(1)
                .init(Init.KAIMING_NORMAL_FAN_OUT)
                .build()
                .apply(g, tf, image));
    return tf.nn.relu(
        Conv2d.named("body.conv2")
            .channels(16, 16)
            .kernel(3)
            .padding(1)
            .init(Init.KAIMING_NORMAL_FAN_OUT)
            .build()
            .apply(g, tf, x));
  }

  /** Noise in [0, 0.3], lesions at 0.9. */
  private static float[] image() {
    Random random = new Random(5);
    float[] px = new float[SIZE * SIZE * 3];
    float[] m = masks();
    for (int i = 0; i < SIZE * SIZE; i++) {
      boolean lesion = m[i] > 0 || m[SIZE * SIZE + i] > 0;
      for (int c = 0; c < 3; c++) {
        px[3 * i + c] = lesion ? 0.9f : 0.3f * random.nextFloat();
      }
    }
    return px;
  }

  /** [2, 64, 64]: each gt box filled with ones. */
  private static float[] masks() {
    float[] m = new float[2 * SIZE * SIZE];
    for (int k = 0; k < 2; k++) {
      for (int y = (int) GT[k][1]; y < GT[k][3]; y++) {
        for (int x = (int) GT[k][0]; x < GT[k][2]; x++) {
          m[k * SIZE * SIZE + y * SIZE + x] = 1;
        }
      }
    }
    return m;
  }

  /** 40 proposals: 10 jittered copies of each gt box and 20 random boxes. */
  private static float[] proposals() {
    Random random = new Random(9);
    float[] p = new float[40 * 4];
    for (int i = 0; i < 40; i++) {
      if (i < 20) {
        float[] gt = GT[i % 2];
        for (int c = 0; c < 4; c++) {
          p[4 * i + c] = gt[c] + (random.nextFloat() - 0.5f) * 8;
        }
      } else {
        float x = random.nextFloat() * 48;
        float y = random.nextFloat() * 48;
        p[4 * i] = x;
        p[4 * i + 1] = y;
        p[4 * i + 2] = x + 6 + random.nextFloat() * 10;
        p[4 * i + 3] = y + 6 + random.nextFloat() * 10;
      }
    }
    return p;
  }
}
