package ssm.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.TreeMap;
import ssm.util.Check;

/**
 * How Stage II draws its classification slices ({@code data.classification-sampling}): {@code
 * uniform}, every slice once per epoch in a shuffled order (the paper's); or {@code
 * collection-balanced}, each step first draws one of the (collection, class) cells of the training
 * slices with equal probability, then the cell's next slice in a shuffled order that is reshuffled
 * when the cell is used up. An epoch keeps as many steps as there are slices. In a collection that
 * holds both classes the two are then drawn equally often, so that the collection a slice comes
 * from does not tell its class (shortcut learning: DeGrave et al., Nat. Mach. Intell. 2021).
 */
public enum ClassificationSampling {
  UNIFORM("uniform"),
  COLLECTION_BALANCED("collection-balanced");

  private final String key;

  ClassificationSampling(String key) {
    this.key = key;
  }

  /** The setting's value. */
  public String key() {
    return key;
  }

  /** The sampling named {@code value}; a clear error names the setting and the accepted values. */
  public static ClassificationSampling parse(String value) {
    for (ClassificationSampling s : values()) {
      if (s.key.equals(value)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        String.format(
            Locale.ROOT,
            "data.classification-sampling = '%s' is not one of uniform, collection-balanced",
            value));
  }

  /**
   * The cell of each slice: equal strings {@code collection + "/" + label} get equal numbers,
   * numbered in name order.
   */
  public static int[] cells(List<String> keys) {
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

  /**
   * {@code steps} slice indices drawn collection-balanced from slices whose cells are {@code cell}
   * (numbers 0..k-1, each used), deterministic in {@code random}.
   */
  public static int[] balancedDraws(int[] cell, int steps, SplittableRandom random) {
    Check.that(cell.length > 0, "no classification slices to draw from");
    int k = 0;
    for (int c : cell) {
      k = Math.max(k, c + 1);
    }
    List<List<Integer>> members = new ArrayList<>();
    for (int c = 0; c < k; c++) {
      members.add(new ArrayList<>());
    }
    for (int i = 0; i < cell.length; i++) {
      members.get(cell[i]).add(i);
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
      int c = random.nextInt(k);
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
