package ssm.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NormalDistributionTest {
  @Test
  void twoSidedPMatchesTabulatedValues() {
    // reference values: erfc(z / sqrt 2) to double precision (Python's math.erfc)
    double[][] table = {
      {0, 1.0},
      {0.5, 0.6170750774519738},
      {1, 0.31731050786291415},
      {1.959963984540054, 0.05},
      {3, 0.0026997960632601913},
      {5, 5.733031437583892e-07},
      {8, 1.2441921148543639e-15},
    };
    for (double[] row : table) {
      // the fit's relative error is below 1.2e-7, also far in the tail
      assertEquals(row[1], NormalDistribution.twoSidedP(row[0]), row[1] * 1.2e-7, "z = " + row[0]);
      assertEquals(
          row[1], NormalDistribution.twoSidedP(-row[0]), row[1] * 1.2e-7, "z = -" + row[0]);
    }
  }

  @Test
  void erfcOfNegativeArgumentsIsTwoMinusTheTail() {
    // erfc(-1) = 2 - erfc(1) = 2 - 0.15729920705028513
    assertEquals(1.8427007929497148, NormalDistribution.erfc(-1), 1e-7);
  }
}
