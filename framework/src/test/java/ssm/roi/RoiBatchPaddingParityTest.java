package ssm.roi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import ssm.testing.GraphFixture;
import ssm.testing.ReferenceFixture;
import ssm.testing.TestSettings;

/**
 * Golden numbers: the reference's RoI-batch builder called directly on 24 synthetic proposals
 * (fixture unit case prepare_roi_batch_padding), 15 of which survive NMS, so the batch is padded.
 * torch's randperm cannot be reproduced; the recorded permutation is injected.
 */
class RoiBatchPaddingParityTest {

  @Test
  void paddedBatchMatchesTheReference() {
    JsonNode u = ReferenceFixture.expected().path("unit_cases").path("prepare_roi_batch_padding");
    JsonNode in = u.path("inputs");
    try (GraphFixture g = new GraphFixture()) {
      var tf = g.tf();
      var model = TestSettings.model();
      BranchOutputs out =
          new BranchOutputs(
              g.constant(ReferenceFixture.floats(in.path("class_logits")), 24, 2),
              g.constant(ReferenceFixture.floats(in.path("box_regression")), 24, 8));
      int[] perm = ReferenceFixture.ints(u.path("randperm_calls").get(0).path("output"));
      RoiBatch batch =
          new RoiBatchBuilder(model.classifier(), model.roi())
              .build(
                  tf,
                  out,
                  g.constant(ReferenceFixture.floats(in.path("proposals")), 24, 4),
                  tf.constant(512),
                  tf.constant(512),
                  tf.constant(perm));
      assertArrayEquals(
          ReferenceFixture.ints(u.path("nms_keep_post_area_filter")),
          g.fetchInts(batch.keptProposalIndices()),
          "kept RoIs in NMS order");
      assertArrayEquals(
          ReferenceFixture.floats(u.path("roi_batch")),
          g.fetchFloats(batch.rows()),
          1e-6f,
          "128 x 5 padded batch");
    }
  }
}
