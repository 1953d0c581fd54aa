package ssm.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PairedBootstrapTest {
  /** The mean of per-slice values over a multiset of slices. */
  private static PairedBootstrap.SliceFigure mean(double[] values) {
    return slices -> {
      double s = 0;
      for (int i : slices) {
        s += values[i];
      }
      return s / slices.length;
    };
  }

  @Test
  void aConstantShiftOnEverySliceIsTheWholeInterval() {
    // B = A - 0.2 on every slice: every draw's difference is exactly 0.2 (up to rounding), so the
    // interval is [0.2, 0.2]; no draw is <= 0, p = 2 (1 + 0) / (B + 1) = 2/1001
    double[] a = {0.9, 0.5, 0.7, 0.3, 0.6};
    double[] b = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      b[i] = a[i] - 0.2;
    }
    PairedBootstrap.Result r = PairedBootstrap.compare(mean(a), mean(b), a.length, 1000, 1);
    assertEquals(0.2, r.difference(), 1e-12);
    assertEquals(0.2, r.low(), 1e-12);
    assertEquals(0.2, r.high(), 1e-12);
    assertEquals(2.0 / 1001, r.p(), 1e-15);
    assertEquals(1000, r.draws());
  }

  @Test
  void theIntervalCoversTheTrueDifferenceAboutNinetyFivePercentOfTheTime() {
    // Slices whose per-slice difference A_i - B_i is 0.1 + noise uniform on [-0.5, 0.5] (true mean
    // difference 0.1), plus a large shared slice effect that pairing must cancel: 200 test sets of
    // 40 slices; a 95% interval should cover 0.1 in about 190 of them (binomial sd about 3; the
    // percentile bootstrap runs a little short at n = 40, so 176..200 is accepted).
    SplittableRandom random = new SplittableRandom(7);
    int covered = 0;
    int sets = 200;
    for (int s = 0; s < sets; s++) {
      double[] a = new double[40];
      double[] b = new double[40];
      for (int i = 0; i < a.length; i++) {
        double slice = 5 * random.nextDouble(); // shared by both runs
        a[i] = slice + 0.1 + (random.nextDouble() - 0.5);
        b[i] = slice;
      }
      PairedBootstrap.Result r = PairedBootstrap.compare(mean(a), mean(b), a.length, 400, s);
      if (r.low() <= 0.1 && 0.1 <= r.high()) {
        covered++;
      }
    }
    assertTrue(covered >= 176 && covered <= 200, "covered " + covered + " of " + sets);
  }

  @Test
  void aFixedSeedReproducesTheResultAndAnotherSeedDoesNot() {
    double[] a = {1, 0, 1, 1, 0, 1, 0, 1, 1, 1};
    double[] b = {1, 1, 0, 1, 0, 0, 0, 1, 0, 1};
    PairedBootstrap.Result first = PairedBootstrap.compare(mean(a), mean(b), a.length, 500, 42);
    PairedBootstrap.Result again = PairedBootstrap.compare(mean(a), mean(b), a.length, 500, 42);
    PairedBootstrap.Result other = PairedBootstrap.compare(mean(a), mean(b), a.length, 500, 43);
    assertEquals(first, again);
    assertEquals(0.2, first.difference(), 1e-12); // 7/10 - 5/10
    assertNotEquals(first, other);
  }

  @Test
  void undefinedDrawsAreLeftOut() {
    // the figure is undefined when slice 0 is not drawn: P(slice 0 missed) = (1 - 1/3)^3 = 8/27
    PairedBootstrap.SliceFigure needsSliceZero =
        slices -> {
          for (int i : slices) {
            if (i == 0) {
              return 1;
            }
          }
          return Double.NaN;
        };
    PairedBootstrap.Result r = PairedBootstrap.compare(needsSliceZero, slices -> 0.5, 3, 2700, 5);
    assertEquals(0.5, r.difference());
    // expected defined draws 2700 * 19/27 = 1900, sd about 24
    assertTrue(Math.abs(r.draws() - 1900) < 120, "draws " + r.draws());
    assertEquals(0.5, r.low());
  }

  @Test
  void tooFewDifferingSlicesCanNeverReachFivePercent() {
    // 4 slices, 2 differ: a draw misses both with probability (2/4)^4 = 1/16; p >= 2/16 = 0.125
    assertFalse(PairedBootstrap.canReach(4, 2, 0.05));
    // 40 slices: 3 differ -> 2 (37/40)^40 = 2 x 0.0442 = 0.088; 4 differ -> 2 (0.9)^40 = 0.0296
    assertFalse(PairedBootstrap.canReach(40, 3, 0.05));
    assertTrue(PairedBootstrap.canReach(40, 4, 0.05));
    assertFalse(PairedBootstrap.canReach(40, 0, 0.05)); // identical runs
    // and the bootstrap agrees: slices 0, 1 favour A by 1, slices 2, 3 are the same in both
    double[] a = {1, 1, 0, 0};
    double[] b = {0, 0, 0, 0};
    PairedBootstrap.Result r = PairedBootstrap.compare(mean(a), mean(b), 4, 4000, 9);
    assertTrue(r.p() >= 0.1 && r.p() <= 0.15, "p = " + r.p());
  }
}
