package ssm.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PrefetcherTest {
  /** Items are their index; index 3 is a corrupt file. */
  private static final class Numbers implements LazyDataset<Integer> {
    final boolean skip;
    final BadItems bad = new BadItems();

    Numbers(boolean skip) {
      this.skip = skip;
    }

    @Override
    public int size() {
      return 6;
    }

    @Override
    public String id(int i) {
      return "n" + i + ".png";
    }

    @Override
    public Integer load(int i) {
      if (i == 3) {
        throw new DataException(id(i), "not a readable PNG or JPEG image");
      }
      return i;
    }

    @Override
    public boolean skipBad() {
      return skip;
    }

    @Override
    public BadItems badItems() {
      return bad;
    }
  }

  @Test
  void deliversInOrderThenThrowsNamingTheFile() {
    List<Integer> got = new ArrayList<>();
    try (Prefetcher<Integer> p = Prefetcher.inOrder(new Numbers(false), 2)) {
      DataException e = assertThrows(DataException.class, () -> p.forEachRemaining(got::add));
      assertEquals("n3.png: not a readable PNG or JPEG image", e.getMessage());
      assertFalse(p.hasNext());
    }
    assertEquals(List.of(0, 1, 2), got);
  }

  @Test
  void skipsBadItemsWhenAsked() {
    Numbers data = new Numbers(true);
    List<Integer> got = new ArrayList<>();
    try (Prefetcher<Integer> p = Prefetcher.inOrder(data, 2)) {
      p.forEachRemaining(got::add);
    }
    assertEquals(List.of(0, 1, 2, 4, 5), got);
    assertEquals(List.of("n3.png: not a readable PNG or JPEG image"), data.badItems().messages());
  }

  @Test
  void closeStopsAnEndlessProducer() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          Prefetcher<Integer> p =
              new Prefetcher<>(
                  new Numbers(true), IntStream.iterate(0, i -> (i + 1) % 3).iterator(), 4);
          assertEquals(0, p.next());
          assertEquals(1, p.next());
          p.close();
          assertFalse(p.hasNext());
        });
  }
}
