package ssm.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ImageCountsTest {
  @Test
  void aMeanOverEmptySlicesOnlyScoredNoLesionSlice() {
    assertTrue(new ImageCounts(3, 3, 3, 6).noLesionSliceScored());
    assertTrue(new ImageCounts(0, 0, 5, 5).noLesionSliceScored());
  }

  @Test
  void oneScoredSliceWithLesionsIsEnough() {
    assertFalse(new ImageCounts(4, 3, 2, 6).noLesionSliceScored());
  }

  @Test
  void countsOfAReportWithoutTotalsSayNothing() {
    // total 0: a metrics file that does not record how many slices were given
    assertFalse(new ImageCounts(5, 5, 0, 0).noLesionSliceScored());
  }
}
