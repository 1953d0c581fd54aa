package ssm.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class McNemarTest {
  @Test
  void exactPOfASmallDiscordantTable() {
    // b = 1, c = 9: X ~ Bin(10, 1/2), P(X <= 1) = (C(10,0) + C(10,1)) / 2^10 = 11/1024,
    // p = 2 * 11/1024 = 22/1024 = 0.021484375
    McNemar.Result r = McNemar.fromDiscordant(1, 9);
    assertEquals(22.0 / 1024, r.p(), 1e-15);
    // b = 10, c = 2: P(X <= 2) of Bin(12, 1/2) = (1 + 12 + 66) / 4096, p = 158/4096 = 0.0386
    assertEquals(158.0 / 4096, McNemar.fromDiscordant(10, 2).p(), 1e-15);
  }

  @Test
  void pairsOutcomesByIndexAndIgnoresConcordantSlices() {
    // slices 0-1 both right, 2 both wrong (concordant); 3-5 only A right; 6 only B right: b=3, c=1
    boolean[] a = {true, true, false, true, true, true, false};
    boolean[] b = {true, true, false, false, false, false, true};
    McNemar.Result r = McNemar.test(a, b);
    assertEquals(3, r.onlyA());
    assertEquals(1, r.onlyB());
    // P(X <= 1) of Bin(4, 1/2) = (1 + 4) / 16, p = 10/16 = 0.625
    assertEquals(0.625, r.p(), 1e-15);
  }

  @Test
  void anEvenSplitGivesOneNotMore() {
    // b = c = 3: P(X <= 3) of Bin(6, 1/2) = (1 + 6 + 15 + 20)/64 = 42/64; 2 * 42/64 > 1, capped
    assertEquals(1.0, McNemar.fromDiscordant(3, 3).p());
    assertEquals(1.0, McNemar.fromDiscordant(0, 0).p());
  }

  @Test
  void fiveDiscordantSlicesCanNeverReachFivePercent() {
    // all 5 on one side: p = 2 * 0.5^5 = 0.0625 >= 0.05; 6 on one side: 2/64 = 0.03125
    assertEquals(0.0625, McNemar.fromDiscordant(0, 5).p(), 1e-15);
    assertFalse(McNemar.fromDiscordant(0, 5).canReach5Percent());
    assertEquals(0.03125, McNemar.fromDiscordant(6, 0).p(), 1e-15);
    assertTrue(McNemar.fromDiscordant(6, 0).canReach5Percent());
  }

  @Test
  void largeTablesDoNotUnderflow() {
    // b = c = 1000: the two tails hold more than half the mass, so p is capped at 1; and a lopsided
    // split is tiny but not 0
    assertEquals(1.0, McNemar.fromDiscordant(1000, 1000).p());
    double p = McNemar.fromDiscordant(400, 600).p();
    assertTrue(p > 0 && p < 1e-9, "p = " + p);
  }

  @Test
  void rejectsUnpairedOutcomes() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> McNemar.test(new boolean[3], new boolean[4]));
    assertTrue(e.getMessage().contains("3 outcomes against 4"), e.getMessage());
  }
}
