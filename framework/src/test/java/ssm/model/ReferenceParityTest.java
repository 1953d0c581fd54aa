package ssm.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.Result;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import ssm.graph.Tensors;
import ssm.io.Weights;
import ssm.settings.Regime;
import ssm.testing.GraphFixture;
import ssm.testing.ReferenceFixture;
import ssm.testing.SlowTest;
import ssm.testing.TestSettings;
import ssm.wiring.ModelWiring;

/**
 * Golden numbers: the whole inference path against the author's PyTorch implementation (fixture
 * reference-parity, variant scratch-r18-3), within the fixture README's tolerances (section 4):
 * proposals as a set matched by anchor, their logits in order; every index list after the RPN
 * exactly; RoI batch, S logits, detections and mask probabilities numerically.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SlowTest
class ReferenceParityTest {
  private GraphFixture g;
  private Placeholder<TFloat32> image;
  private InferenceGraph out;

  @BeforeAll
  void buildAndLoad() throws Exception {
    ReferenceFixture.dir();
    g = new GraphFixture();
    image = g.tf().placeholder(TFloat32.class);
    out =
        ModelWiring.model(TestSettings.model(), Regime.SCRATCH)
            .buildInference(g.context(), image, g.tf().constant(new long[] {0, 0}));
    Weights.load(
        g.session(), g.context().parameters(), weights(), TestSettings.model().anchors(), false);
  }

  /** The weights under test: the fixture's safetensors here, the author's .pth in subclasses. */
  Path weights() {
    return ReferenceFixture.weights();
  }

  @AfterAll
  void close() {
    if (g != null) {
      g.close();
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2})
  void inferenceMatchesTheReference(int index) {
    JsonNode ref = ReferenceFixture.expected().path("images").get(index);
    String file = ref.path("file").asText();
    try (TFloat32 in = Tensors.floats(ReferenceFixture.imagePixels(file), 512, 512, 3);
        Result r =
            g.session()
                .runner()
                .feed(image, in)
                .fetch(out.proposals().boxes())
                .fetch(out.proposals().logits())
                .fetch(out.proposals().anchorIndices())
                .fetch(out.roiBatch().keptProposalIndices())
                .fetch(out.roiBatch().rows())
                .fetch(out.classLogits())
                .fetch(out.detections().boxes())
                .fetch(out.detections().scores())
                .fetch(out.detections().proposalIndices())
                .fetch(out.maskProbabilities())
                .run()) {
      float[] boxes = Tensors.toFloats(r.get(0));
      float[] logits = Tensors.toFloats(r.get(1));
      int[] anchors = Tensors.toInts(r.get(2));
      JsonNode rpn = ref.path("rpn");

      // 1. Proposals: the same set of anchors, boxes within 1e-3 px, logits in order.
      int[] refAnchors = ReferenceFixture.ints(rpn.path("proposal_anchor_indices"));
      float[] refBoxes = ReferenceFixture.floats(rpn.path("proposals"));
      assertEquals(refAnchors.length, anchors.length, file + ": number of proposals");
      Map<Integer, Integer> ourRow = new HashMap<>();
      for (int i = 0; i < anchors.length; i++) {
        ourRow.put(anchors[i], i);
      }
      for (int i = 0; i < refAnchors.length; i++) {
        Integer row = ourRow.get(refAnchors[i]);
        assertTrue(
            row != null,
            file + ": reference proposal from anchor " + refAnchors[i] + " is missing");
        for (int k = 0; k < 4; k++) {
          assertEquals(refBoxes[4 * i + k], boxes[4 * row + k], 1e-3, file + ": proposal " + i);
        }
      }
      assertArrayEquals(
          ReferenceFixture.floats(rpn.path("proposal_logits")),
          logits,
          1e-4f,
          file + ": proposal logits in order");

      // 2. RoI batch before padding: the same proposals (identified by anchor), in order.
      JsonNode cb = ref.path("classifier_branch");
      int[] kept = Tensors.toInts(r.get(3));
      int[] refKept = ReferenceFixture.ints(cb.path("kept_proposal_indices"));
      assertEquals(refKept.length, kept.length, file + ": RoIs kept for the batch");
      for (int i = 0; i < kept.length; i++) {
        assertEquals(refAnchors[refKept[i]], anchors[kept[i]], file + ": kept RoI " + i);
      }
      assertArrayEquals(
          ReferenceFixture.floats(cb.path("roi_batch")),
          Tensors.toFloats(r.get(4)),
          1e-4f,
          file + ": RoI batch");

      // 3. S logits.
      assertArrayEquals(
          ReferenceFixture.floats(ref.path("s_logits")),
          Tensors.toFloats(r.get(5)),
          1e-3f,
          file + ": S logits");

      // 4. Detections and their 28x28 mask probabilities.
      JsonNode det = ref.path("detections");
      int[] detSources = Tensors.toInts(r.get(8));
      int[] refDetSources = ReferenceFixture.ints(det.path("detection_proposal_indices"));
      assertEquals(refDetSources.length, detSources.length, file + ": detections");
      for (int i = 0; i < detSources.length; i++) {
        assertEquals(
            refAnchors[refDetSources[i]], anchors[detSources[i]], file + ": detection " + i);
      }
      assertArrayEquals(
          ReferenceFixture.floats(det.path("boxes")),
          Tensors.toFloats(r.get(6)),
          1e-3f,
          file + ": detection boxes");
      assertArrayEquals(
          ReferenceFixture.floats(det.path("scores")),
          Tensors.toFloats(r.get(7)),
          1e-4f,
          file + ": detection scores");
      float[] masks = Tensors.toFloats(r.get(9));
      if (det.has("mask")) {
        assertArrayEquals(
            ReferenceFixture.floats(det.path("mask").path("probs_28x28")),
            masks,
            1e-4f,
            file + ": mask probabilities");
        // Pasted into the slice and binarised (> 0.5): the same pixels as the reference.
        float[] detBoxes = Tensors.toFloats(r.get(6));
        for (int i = 0; i < detSources.length; i++) {
          float[] probs = java.util.Arrays.copyOfRange(masks, i * 784, (i + 1) * 784);
          float[] box = java.util.Arrays.copyOfRange(detBoxes, 4 * i, 4 * i + 4);
          var pasted = ssm.box.MaskPaster.paste(probs, 28, box, 512, 512);
          JsonNode refPasted = det.path("mask").path("pasted").get(i);
          assertArrayEquals(
              ReferenceFixture.ints(refPasted.path("rle_gt_0_5")),
              ssm.box.MaskPaster.runLengths(pasted.mask(), 0.5f),
              file + ": pasted mask " + i);
          double sum = 0;
          for (float v : pasted.mask()) {
            sum += v;
          }
          assertEquals(refPasted.path("soft_sum").asDouble(), sum, 2e-2, file + ": soft sum " + i);
        }
      } else {
        assertEquals(0, masks.length, file + ": no detections, no masks");
      }
    }
  }
}
