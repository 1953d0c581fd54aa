package ssm.data;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.PrimitiveIterator;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Loads and decodes dataset items ahead of the consumer on one background (daemon) thread into a
 * bounded queue, so the training loop finds the next item ready. Items come in the order of the
 * given indices (which may be endless, e.g. random draws). A bad item is skipped and recorded in
 * the dataset's {@link BadItems} when the dataset skips bad items; otherwise its {@link
 * DataException} (naming the file) is thrown by {@link #next()} in the consumer's thread, after the
 * items loaded before it. {@link #close()} stops the thread and waits for it.
 */
public final class Prefetcher<T> implements Iterator<T>, AutoCloseable {
  private static final Object END = new Object();

  private record Failure(RuntimeException error) {}

  private final BlockingQueue<Object> queue;
  private final Thread worker;
  private Object head;
  private volatile boolean closed;

  /** Prefetches {@code dataset} items at {@code indices}, at most {@code capacity} ahead. */
  public Prefetcher(LazyDataset<T> dataset, PrimitiveIterator.OfInt indices, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity = " + capacity + " must be positive");
    }
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.worker = new Thread(() -> run(dataset, indices), "prefetch");
    worker.setDaemon(true);
    worker.start();
  }

  /** Prefetches every item once, in index order. */
  public static <T> Prefetcher<T> inOrder(LazyDataset<T> dataset, int capacity) {
    return new Prefetcher<>(dataset, IntStream.range(0, dataset.size()).iterator(), capacity);
  }

  private void run(LazyDataset<T> dataset, PrimitiveIterator.OfInt indices) {
    try {
      while (!closed && indices.hasNext()) {
        int i = indices.nextInt();
        Object item;
        try {
          item = dataset.load(i);
        } catch (DataException e) {
          if (dataset.skipBad()) {
            dataset.badItems().add(e);
            continue;
          }
          item = new Failure(e);
        } catch (RuntimeException e) {
          item = new Failure(new DataException(dataset.id(i), "failed to load: " + e, e));
        }
        queue.put(item);
        if (item instanceof Failure) {
          return;
        }
      }
      queue.put(END);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // closed while waiting for room
    }
  }

  @Override
  public boolean hasNext() {
    if (closed) {
      return false;
    }
    if (head == null) {
      try {
        head = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the next item", e);
      }
    }
    if (head instanceof Failure f) {
      head = END;
      throw f.error();
    }
    return head != END;
  }

  @Override
  @SuppressWarnings("unchecked")
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    T item = (T) head;
    head = null;
    return item;
  }

  /** Items decoded and waiting. */
  public int ready() {
    return queue.size();
  }

  /** Stops the background thread and waits (up to 10 s) for it to finish. */
  @Override
  public void close() {
    closed = true;
    worker.interrupt();
    try {
      worker.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    queue.clear();
  }
}
