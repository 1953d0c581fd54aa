package ssm.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import ssm.testing.GraphFixture;

class LossesTest {
  @Test
  void equationsOneToThreeWeightEveryTermOne() {
    // Eq. 1 = 1 + 2 + 3 + 4 + 5 = 15; Eq. 2 = 0.5; Eq. 3 = 15.5
    try (GraphFixture g = new GraphFixture()) {
      Losses.SegmentationTerms terms =
          new Losses.SegmentationTerms(
              g.tf().constant(1f),
              g.tf().constant(2f),
              g.tf().constant(3f),
              g.tf().constant(4f),
              g.tf().constant(5f));
      assertEquals(15f, g.fetchFloats(Losses.segmentation(g.tf(), terms))[0], 0f);
      assertEquals(
          0.5f, g.fetchFloats(Losses.classification(g.tf(), g.tf().constant(0.5f)))[0], 0f);
      assertEquals(15.5f, g.fetchFloats(Losses.total(g.tf(), terms, g.tf().constant(0.5f)))[0], 0f);
      assertEquals(5, terms.byTag().size());
    }
  }
}
