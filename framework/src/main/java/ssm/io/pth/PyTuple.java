package ssm.io.pth;

import java.util.List;

/**
 * A Python tuple read from a pickle. Identity equality and a shallow {@code toString}, so that no
 * method ever recurses into a (possibly deep or cyclic) object graph.
 */
public final class PyTuple {
  private final List<Object> items;

  PyTuple(List<Object> items) {
    this.items = List.copyOf(items);
  }

  /** Item {@code i}; Python's None is {@link PyNone#NONE}. */
  public Object get(int i) {
    return items.get(i);
  }

  public int size() {
    return items.size();
  }

  public List<Object> items() {
    return items;
  }

  @Override
  public String toString() {
    return "tuple of " + items.size();
  }
}
