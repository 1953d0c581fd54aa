package ssm.experiments.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import ssm.eval.ClassifiedSlice;

class SubsetAucTest {
  private static ClassifiedSlice slice(String name, int truth, double covid) {
    return new ClassifiedSlice(name, truth, truth, new double[] {1 - covid, covid});
  }

  private static final List<ClassifiedSlice> SLICES =
      List.of(slice("p1", 1, 0.9), slice("p2", 1, 0.4), slice("n1", 0, 0.4), slice("n2", 0, 0.1));

  @Test
  void aTieCountsOneHalf() {
    // pairs: 0.9 > 0.4, 0.9 > 0.1, 0.4 = 0.4 (1/2), 0.4 > 0.1: 3.5 of 4
    assertEquals(0.875, SubsetAuc.of(SLICES, new int[] {0, 1, 2, 3}, 1), 1e-12);
  }

  @Test
  void repeatedSlicesCountAsOftenAsDrawn() {
    // p2 twice, n1, n2: p2-n1 ties twice (1/2 each), p2-n2 wins twice: 3 of 4
    assertEquals(0.75, SubsetAuc.of(SLICES, new int[] {1, 1, 2, 3}, 1), 1e-12);
    // p1 and p2 against n1 drawn twice: 0.9 > 0.4 twice, ties twice: 3 of 4
    assertEquals(0.75, SubsetAuc.of(SLICES, new int[] {0, 1, 2, 2}, 1), 1e-12);
  }

  @Test
  void noNegativeNoAuc() {
    assertTrue(Double.isNaN(SubsetAuc.of(SLICES, new int[] {0, 1}, 1)));
  }
}
