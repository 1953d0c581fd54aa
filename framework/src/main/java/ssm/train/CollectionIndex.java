package ssm.train;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ssm.data.LazyDataset;
import ssm.data.SliceCollection;

/**
 * The collections of a run's classification training slices, numbered in name order, and each
 * slice's number: what the collection adversary ({@link CollectionAdversary}) learns to tell.
 */
public final class CollectionIndex {
  private final List<String> names;
  private final Map<String, Integer> byId;

  private CollectionIndex(List<String> names, Map<String, Integer> byId) {
    this.names = List.copyOf(names);
    this.byId = Map.copyOf(byId);
  }

  /** The collections of {@code data} ({@link SliceCollection#of}) and each item's number. */
  public static CollectionIndex of(LazyDataset<?> data) {
    List<String> names = List.copyOf(SliceCollection.counts(data).keySet());
    Map<String, Integer> byId = new HashMap<>();
    for (int i = 0; i < data.size(); i++) {
      byId.put(data.id(i), names.indexOf(SliceCollection.of(data, i)));
    }
    return new CollectionIndex(names, byId);
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
}
