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

  private static List<String> collections(List<String> keys) {
    return keys.stream().map(k -> k.substring(0, k.indexOf('/'))).toList();
  }

  private static List<String> labels(List<String> keys) {
    return keys.stream().map(k -> k.substring(k.indexOf('/') + 1)).toList();
  }

  private static BalancedCells cells(ClassificationSampling sampling, List<String> keys) {
    return sampling.cells(collections(keys), labels(keys));
  }

  @Test
  void cellsAreNumberedInNameOrder() {
    assertArrayEquals(
        new int[] {2, 1, 0, 2}, BalancedCells.numbered(List.of("u/0", "r/2", "m/2", "u/0")));
    BalancedCells c =
        cells(ClassificationSampling.CLASS_BALANCED, List.of("u/0", "r/2", "m/2", "u/0"));
    assertArrayEquals(new int[] {2, 1, 0, 2}, c.cellOfSlice());
    assertArrayEquals(new int[] {1, 1, 0}, c.groupOfCell()); // m/2, r/2: class 2; u/0: class 0
    assertEquals(null, ClassificationSampling.UNIFORM.cells(List.of("u"), List.of("0")));
  }

  @Test
  void classBalancedDrawsEachClassHalfAndItsCollectionsEquallyWithin() {
    List<String> keys = keys();
    BalancedCells c = cells(ClassificationSampling.CLASS_BALANCED, keys);
    int steps = 100_000;
    int[] draws = c.draws(steps, new SplittableRandom(11));
    java.util.Map<String, Integer> perKey = new java.util.TreeMap<>();
    for (int d : draws) {
      perKey.merge(keys.get(d), 1, Integer::sum);
    }
    // Normal: ucsd and radiopaedia 1/4 each; COVID-19: ucsd, medseg, radiopaedia 1/6 each
    // (binomial sd at most 0.0014)
    assertEquals(0.25, perKey.get("ucsd/0") / (double) steps, 0.006);
    assertEquals(0.25, perKey.get("radiopaedia/0") / (double) steps, 0.006);
    for (String k : List.of("ucsd/2", "medseg/2", "radiopaedia/2")) {
      assertEquals(1.0 / 6, perKey.get(k) / (double) steps, 0.006, k);
    }
  }

  @Test
  void drawsEveryCollectionAndClassPairEquallyOften() {
    List<String> keys = keys();
    int[] cells = cells(ClassificationSampling.COLLECTION_BALANCED, keys).cellOfSlice();
    int steps = 100_000;
    int[] draws =
        cells(ClassificationSampling.COLLECTION_BALANCED, keys)
            .draws(steps, new SplittableRandom(7));
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
    BalancedCells balanced = cells(ClassificationSampling.COLLECTION_BALANCED, keys());
    int[] cells = balanced.cellOfSlice();
    int[] draws = balanced.draws(430, new SplittableRandom(3));
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
    assertArrayEquals(draws, balanced.draws(430, new SplittableRandom(3)));
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

  /** Items named by index; never decoded here. */
  private static <T> ssm.data.LazyDataset<T> named(int n, String prefix) {
    return new ssm.data.LazyDataset<>() {
      @Override
      public int size() {
        return n;
      }

      @Override
      public String id(int index) {
        return prefix + index;
      }

      @Override
      public T load(int index) {
        throw new UnsupportedOperationException();
      }

      @Override
      public boolean skipBad() {
        return false;
      }

      @Override
      public ssm.data.BadItems badItems() {
        return new ssm.data.BadItems();
      }
    };
  }

  @Test
  void stageTwoEpochsDrawBalancedWhenTheDataCarriesCells() {
    List<String> keys = keys();
    BalancedCells cells = cells(ClassificationSampling.COLLECTION_BALANCED, keys);
    TrainingData balanced =
        new TrainingData(named(5, "seg"), named(keys.size(), "c"), "test", cells);
    TrainingData uniform = new TrainingData(named(5, "seg"), named(keys.size(), "c"), "test");
    EpochPlan b = new EpochPlan(balanced, 20201, 2, 0);
    EpochPlan u = new EpochPlan(uniform, 20201, 2, 0);
    assertEquals(keys.size(), b.size());
    assertEquals(keys.size(), u.size());
    int medsegBalanced = 0;
    int medsegUniform = 0;
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < b.size(); i++) {
      int bi = Integer.parseInt(b.id(i).substring(1));
      int ui = Integer.parseInt(u.id(i).substring(1));
      medsegBalanced += keys.get(bi).equals("medseg/2") ? 1 : 0;
      medsegUniform += keys.get(ui).equals("medseg/2") ? 1 : 0;
      seen.add(u.id(i));
    }
    assertEquals(keys.size(), seen.size(), "uniform: every slice once");
    assertEquals(20, medsegUniform);
    // balanced: 1/5 of 410 steps = 82 expected (binomial sd 8.1)
    assertTrue(medsegBalanced > 58 && medsegBalanced < 106, "medseg draws " + medsegBalanced);
    // Stage I is untouched by the cells
    assertEquals(5, new EpochPlan(balanced, 20201, 1, 0).size());
  }
}
