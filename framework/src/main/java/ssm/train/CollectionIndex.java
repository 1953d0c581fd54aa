package ssm.train;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ssm.data.CovidxSplit;
import ssm.data.SliceCollection;

/**
 * The collections of a run's classification training slices, numbered in name order, each slice's
 * number, and which collections hold each class: what the collection adversary ({@link
 * CollectionAdversary}) learns to tell, and what it may know from the class alone.
 */
public final class CollectionIndex {
  private final List<String> names;
  private final Map<String, Integer> byId;
  private final boolean[][] holds;

  private CollectionIndex(List<String> names, Map<String, Integer> byId, boolean[][] holds) {
    this.names = List.copyOf(names);
    this.byId = Map.copyOf(byId);
    this.holds = holds;
  }

  /**
   * The collections of {@code split} ({@link SliceCollection#of}), each slice's number, and which
   * of them hold each of {@code classes} classes.
   */
  public static CollectionIndex of(CovidxSplit split, int classes) {
    List<String> names = List.copyOf(SliceCollection.counts(split).keySet());
    Map<String, Integer> byId = new HashMap<>();
    boolean[][] holds = new boolean[classes][names.size()];
    for (int i = 0; i < split.size(); i++) {
      int n = names.indexOf(SliceCollection.of(split, i));
      byId.put(split.id(i), n);
      holds[split.entry(i).label()][n] = true;
    }
    return new CollectionIndex(names, byId, holds);
  }

  /** The collections, in name order. */
  public List<String> names() {
    return names;
  }

  /** The number of the collection of the slice called {@code id}. */
  public int of(String id) {
    Integer n = byId.get(id);
    if (n == null) {
      throw new IllegalArgumentException(
          "classification slice " + id + " is not among the run's training slices");
    }
    return n;
  }

  /**
   * [classes][collections]: for each class, equal odds for every collection that holds it (every
   * collection where none does). Under class-balanced draws this is what an adversary that sees the
   * class and nothing else answers; S's confusion is least there.
   */
  public float[][] withinClassOdds() {
    float[][] odds = new float[holds.length][];
    for (int c = 0; c < holds.length; c++) {
      int count = 0;
      for (boolean h : holds[c]) {
        count += h ? 1 : 0;
      }
      odds[c] = new float[names.size()];
      if (count == 0) {
        Arrays.fill(odds[c], 1f / names.size());
      } else {
        for (int n = 0; n < names.size(); n++) {
          odds[c][n] = holds[c][n] ? 1f / count : 0f;
        }
      }
    }
    return odds;
  }
}
