package ssm.train;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import ssm.util.Check;

/**
 * Classification slices grouped for balanced draws ({@link ClassificationSampling}): each step
 * draws one group with equal probability (skipped when there is one), then one of the group's cells
 * with equal probability, then the cell's next slice in a shuffled order that is reshuffled when
 * the cell is used up.
 *
 * @param cellOfSlice each slice's cell, 0..k-1, every cell used
 * @param groupOfCell each cell's group, 0..g-1, every group used
 */
public record BalancedCells(int[] cellOfSlice, int[] groupOfCell) {
  public BalancedCells {
    Check.that(cellOfSlice.length > 0, "no classification slices to draw from");
  }

  /**
   * One cell per distinct {@code cellKeys} entry (numbered in key order), in the group its {@code
   * groupKeys} entry names (numbered in key order); a cell's slices must share a group.
   */
  public static BalancedCells of(List<String> groupKeys, List<String> cellKeys) {
    Check.that(
        groupKeys.size() == cellKeys.size(),
        "%s group keys for %s slices",
        groupKeys.size(),
        cellKeys.size());
    int[] cell = numbered(cellKeys);
    int[] group = numbered(groupKeys);
    int cells = 0;
    for (int c : cell) {
      cells = Math.max(cells, c + 1);
    }
    int[] groupOfCell = new int[cells];
    java.util.Arrays.fill(groupOfCell, -1);
    for (int i = 0; i < cell.length; i++) {
      Check.that(
          groupOfCell[cell[i]] < 0 || groupOfCell[cell[i]] == group[i],
          "cell '%s' lies in two groups",
          cellKeys.get(i));
      groupOfCell[cell[i]] = group[i];
    }
    return new BalancedCells(cell, groupOfCell);
  }

  /** Equal strings get equal numbers, numbered in name order. */
  static int[] numbered(List<String> keys) {
    TreeMap<String, Integer> ids = new TreeMap<>();
    keys.forEach(k -> ids.put(k, 0));
    int next = 0;
    for (var e : ids.entrySet()) {
      e.setValue(next++);
    }
    int[] out = new int[keys.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ids.get(keys.get(i));
    }
    return out;
  }

  /** The number of slices. */
  public int size() {
    return cellOfSlice.length;
  }

  /** {@code steps} slice indices, deterministic in {@code random}. */
  public int[] draws(int steps, SplittableRandom random) {
    int k = groupOfCell.length;
    int groups = 0;
    for (int g : groupOfCell) {
      groups = Math.max(groups, g + 1);
    }
    List<List<Integer>> members = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      members.add(new ArrayList<>());
    }
    for (int i = 0; i < cellOfSlice.length; i++) {
      members.get(cellOfSlice[i]).add(i);
    }
    List<List<Integer>> cellsOfGroup = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      cellsOfGroup.add(new ArrayList<>());
    }
    for (int c = 0; c < k; c++) {
      cellsOfGroup.get(groupOfCell[c]).add(c);
    }
    int[][] order = new int[k][];
    int[] cursor = new int[k];
    for (int c = 0; c < k; c++) {
      Check.that(!members.get(c).isEmpty(), "cell %s holds no slice", c);
      order[c] = members.get(c).stream().mapToInt(Integer::intValue).toArray();
      shuffle(order[c], random);
    }
    int[] out = new int[steps];
    for (int s = 0; s < steps; s++) {
      // one group: no draw, so that a single-group plan keeps the draws of cells alone
      List<Integer> cells = cellsOfGroup.get(groups == 1 ? 0 : random.nextInt(groups));
      int c = cells.get(random.nextInt(cells.size()));
      if (cursor[c] == order[c].length) {
        shuffle(order[c], random);
        cursor[c] = 0;
      }
      out[s] = order[c][cursor[c]++];
    }
    return out;
  }

  private static void shuffle(int[] p, SplittableRandom random) {
    for (int i = p.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
  }
}
