package ssm.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class LazySubsetTest {
  /** Items "a".."d" whose load is their id in capitals. */
  private static final LazyDataset<String> LETTERS =
      new LazyDataset<>() {
        private final BadItems bad = new BadItems();

        @Override
        public int size() {
          return 4;
        }

        @Override
        public String id(int index) {
          return String.valueOf((char) ('a' + index));
        }

        @Override
        public String load(int index) {
          return id(index).toUpperCase();
        }

        @Override
        public boolean skipBad() {
          return true;
        }

        @Override
        public BadItems badItems() {
          return bad;
        }
      };

  @Test
  void readsTheChosenItemsInTheirOrderThroughTheDataset() {
    LazyDataset<String> s = LazySubset.of(LETTERS, List.of(3, 1));
    assertEquals(2, s.size());
    assertEquals("d", s.id(0));
    assertEquals("B", s.load(1));
    assertEquals(true, s.skipBad());
    assertSame(LETTERS.badItems(), s.badItems());
  }

  @Test
  void anIndexOutsideTheDatasetIsNamed() {
    IndexOutOfBoundsException e =
        assertThrows(IndexOutOfBoundsException.class, () -> LazySubset.of(LETTERS, List.of(4)));
    assertEquals("index 4 of a dataset of 4 items", e.getMessage());
  }
}
