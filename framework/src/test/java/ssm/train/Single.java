package ssm.train;

import ssm.data.BadItems;
import ssm.data.LazyDataset;

/** A dataset of one item, for tests. */
final class Single<T> implements LazyDataset<T> {
  private final T item;

  Single(T item) {
    this.item = item;
  }

  @Override
  public int size() {
    return 1;
  }

  @Override
  public String id(int index) {
    return "item";
  }

  @Override
  public T load(int index) {
    return item;
  }

  @Override
  public boolean skipBad() {
    return false;
  }

  @Override
  public BadItems badItems() {
    return new BadItems();
  }
}
