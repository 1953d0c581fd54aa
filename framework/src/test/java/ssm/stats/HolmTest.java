package ssm.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HolmTest {
  @Test
  void stepDownByHand() {
    // m = 4; ascending: 0.005 (x4 = 0.02), 0.01 (x3 = 0.03), 0.03 (x2 = 0.06), 0.04 (x1 = 0.04,
    // raised to the running maximum 0.06). In the order given: 0.03, 0.06, 0.06, 0.02.
    double[] adjusted = Holm.adjust(new double[] {0.01, 0.04, 0.03, 0.005});
    assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02}, adjusted, 1e-12);
  }

  @Test
  void capsAtOneAndKeepsUndefinedOnesOutOfTheFamily() {
    // m = 2 (the NaN does not count): 0.2 x 2 = 0.4, 0.7 x 1 = 0.7
    double[] adjusted = Holm.adjust(new double[] {0.7, Double.NaN, 0.2});
    assertArrayEquals(new double[] {0.7, Double.NaN, 0.4}, adjusted, 1e-12);
    // 0.6 x 2 = 1.2 -> 1
    assertEquals(1.0, Holm.adjust(new double[] {0.6, 0.9})[0]);
  }

  @Test
  void rejectsAPValueOutsideZeroOne() {
    assertThrows(IllegalArgumentException.class, () -> Holm.adjust(new double[] {0.1, 1.5}));
  }
}
