package ssm.data;

import java.util.List;
import java.util.function.Function;

/**
 * A dataset over items already decoded in memory (benchmarks, tests): nothing to list or decode, so
 * nothing is ever bad.
 *
 * @param ids the id (file name) of an item
 */
public record InMemoryDataset<T>(List<T> items, Function<T, String> ids) implements LazyDataset<T> {
  @Override
  public int size() {
    return items.size();
  }

  @Override
  public String id(int index) {
    return ids.apply(items.get(index));
  }

  @Override
  public T load(int index) {
    return items.get(index);
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
