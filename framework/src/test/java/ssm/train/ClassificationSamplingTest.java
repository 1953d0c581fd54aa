package ssm.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ClassificationSamplingTest {
  /** 200 ucsd Normal, 100 ucsd COVID-19, 20 medseg COVID-19, 80 radiopaedia COVID-19, 10 Normal. */
  private static List<String> keys() {
    List<String> k = new ArrayList<>();
    for (int i = 0; i < 200; i++) k.add("ucsd/0");
    for (int i = 0; i < 100; i++) k.add("ucsd/2");
    for (int i = 0; i < 20; i++) k.add("medseg/2");
    for (int i = 0; i < 80; i++) k.add("radiopaedia/2");
    for (int i = 0; i < 10; i++) k.add("radiopaedia/0");
    return k;
  }

  @Test
  void cellsAreNumberedInNameOrder() {
    assertArrayEquals(
        new int[] {2, 1, 0, 2}, ClassificationSampling.cells(List.of("u/0", "r/2", "m/2", "u/0")));
  }

  @Test
  void drawsEveryCollectionAndClassPairEquallyOften() {
    List<String> keys = keys();
    int[] cells = ClassificationSampling.cells(keys);
    int steps = 100_000;
    int[] draws = ClassificationSampling.balancedDraws(cells, steps, new SplittableRandom(7));
    assertEquals(steps, draws.length);
    int[] perCell = new int[5];
    for (int d : draws) {
      perCell[cells[d]]++;
    }
    // five cells: each 1/5 of the steps (binomial sd 0.0013); slices 0.5 ucsd Normal before
    for (int c = 0; c < 5; c++) {
      assertEquals(0.2, perCell[c] / (double) steps, 0.006, "cell " + c);
    }
    // within ucsd and within radiopaedia, COVID-19 is now half the draws
    int ucsdCovid = perCell[cells[200]];
    int ucsdNormal = perCell[cells[0]];
    assertEquals(0.5, ucsdCovid / (double) (ucsdCovid + ucsdNormal), 0.01);
  }

  @Test
  void aCellIsUsedUpBeforeAnySliceOfItRepeats() {
    int[] cells = ClassificationSampling.cells(keys());
    int[] draws = ClassificationSampling.balancedDraws(cells, 430, new SplittableRandom(3));
    // the 10 radiopaedia Normal slices (cell 1): each of the first 10 of its draws is distinct
    List<Integer> rpNormal = new ArrayList<>();
    for (int d : draws) {
      if (cells[d] == 1) {
        rpNormal.add(d);
      }
    }
    assertTrue(rpNormal.size() >= 10, "drawn " + rpNormal.size());
    assertEquals(10, rpNormal.subList(0, 10).stream().distinct().count());
    // the same seed gives the same draws
    assertArrayEquals(
        draws, ClassificationSampling.balancedDraws(cells, 430, new SplittableRandom(3)));
  }

  @Test
  void parsesTheSettingAndNamesItInErrors() {
    assertEquals(
        ClassificationSampling.COLLECTION_BALANCED,
        ClassificationSampling.parse("collection-balanced"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ClassificationSampling.parse("x"));
    assertTrue(e.getMessage().contains("data.classification-sampling = 'x'"), e.getMessage());
  }
}
