package ssm.data;

/**
 * A dataset whose items are listed cheaply up front and decoded on demand by {@link #load}.
 * Problems found while listing (missing file, malformed split line) throw {@link DataException}
 * from the factory, or are recorded in {@link #badItems()} and left out when {@link #skipBad()};
 * problems found while decoding throw from {@link #load}, and {@link Prefetcher} skips and records
 * them when {@link #skipBad()}.
 */
public interface LazyDataset<T> {
  /** Number of listed items. */
  int size();

  /** The item's id (its file name), without decoding it. */
  String id(int index);

  /** Decodes item {@code index}; throws {@link DataException} naming the file when it is bad. */
  T load(int index);

  /** Whether bad items are skipped (and recorded) instead of failing. */
  boolean skipBad();

  /** Items skipped so far. */
  BadItems badItems();
}
