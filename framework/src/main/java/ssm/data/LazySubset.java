package ssm.data;

import java.util.List;

/**
 * Some items of a dataset, in the given order, decoded by the dataset itself; bad items are
 * recorded in the dataset's own {@link BadItems}.
 */
public final class LazySubset<T> implements LazyDataset<T> {
  private final LazyDataset<T> data;
  private final int[] indices;

  /** Items {@code indices} of {@code data}; each must be a valid index. */
  public LazySubset(LazyDataset<T> data, List<Integer> indices) {
    this.data = data;
    this.indices = indices.stream().mapToInt(Integer::intValue).toArray();
    for (int i : this.indices) {
      if (i < 0 || i >= data.size()) {
        throw new IndexOutOfBoundsException(
            "index " + i + " of a dataset of " + data.size() + " items");
      }
    }
  }

  /** The subset, as a {@link SegmentationFolder} when {@code data} is one (it keeps its reader). */
  @SuppressWarnings("unchecked")
  public static <T> LazyDataset<T> of(LazyDataset<T> data, List<Integer> indices) {
    if (data instanceof SegmentationFolder folder) {
      return (LazyDataset<T>) folder.subset(indices);
    }
    return new LazySubset<>(data, indices);
  }

  @Override
  public int size() {
    return indices.length;
  }

  @Override
  public String id(int index) {
    return data.id(indices[index]);
  }

  @Override
  public T load(int index) {
    return data.load(indices[index]);
  }

  @Override
  public boolean skipBad() {
    return data.skipBad();
  }

  @Override
  public BadItems badItems() {
    return data.badItems();
  }
}
