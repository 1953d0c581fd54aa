package ssm.roi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import ssm.testing.GraphFixture;

/** Hand-computed cases of the order-preserving padding, R = 6 rows (permutations of 0..3). */
class OrderPreservingPaddingTest {

  private static int[] sources(int kept, int[] permutation, int rows) {
    try (GraphFixture g = new GraphFixture()) {
      var tf = g.tf();
      return g.fetchInts(
          OrderPreservingPadding.rowSources(tf, tf.constant(kept), tf.constant(permutation), rows));
    }
  }

  @Test
  void threeKeptRoisSplitSixRowsAtTheFirstTwoDraws() {
    // randperm(4) = [2, 0, 3, 1]; n = 3 takes the first n - 1 = 2 draws {2, 0}, + 1 = cuts {1, 3}:
    // runs [0, 1), [1, 3), [3, 6) -> RoIs 0 | 1 1 | 2 2 2
    assertArrayEquals(new int[] {0, 1, 1, 2, 2, 2}, sources(3, new int[] {2, 0, 3, 1}, 6));
  }

  @Test
  void oneKeptRoiFillsEveryRow() {
    assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0}, sources(1, new int[] {1, 3, 0, 2}, 6));
  }

  @Test
  void enoughRoisNeedNoPadding() {
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, sources(6, new int[] {1, 3, 0, 2}, 6));
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, sources(40, new int[] {1, 3, 0, 2}, 6));
  }

  @Test
  void noRoiPointsEveryRowAtTheZeroRow() {
    // index n = 0: the caller's appended zero row
    assertArrayEquals(new int[] {0, 0, 0, 0, 0, 0}, sources(0, new int[] {1, 3, 0, 2}, 6));
  }

  @Test
  void fiveKeptRoisLeaveOnlyTheLastRunLong() {
    // n = R - 1 = 5 takes all 4 draws: cuts {1, 2, 3, 4}; the last run [4, 6) has two rows
    assertArrayEquals(new int[] {0, 1, 2, 3, 4, 4}, sources(5, new int[] {3, 1, 0, 2}, 6));
  }

  @Test
  void randomPermutationIsAPermutationAndDependsOnTheSeed() {
    try (GraphFixture g = new GraphFixture()) {
      var tf = g.tf();
      int[] a =
          g.fetchInts(
              OrderPreservingPadding.randomPermutation(tf, tf.constant(new long[] {1, 2}), 126));
      int[] b =
          g.fetchInts(
              OrderPreservingPadding.randomPermutation(tf, tf.constant(new long[] {3, 4}), 126));
      int[] sorted = a.clone();
      java.util.Arrays.sort(sorted);
      for (int i = 0; i < 126; i++) {
        assertEquals(i, sorted[i]);
      }
      assertTrue(!java.util.Arrays.equals(a, b), "different seeds give different permutations");
    }
  }
}
