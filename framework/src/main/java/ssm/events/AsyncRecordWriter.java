package ssm.events;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Appends TFRecord records to a new file from a background thread, so callers only enqueue bytes.
 * The thread frames each record and writes it whole into a buffer, which it flushes to the file at
 * least every {@code flushPeriod} while records are pending, on {@link #flush()} and on {@link
 * #close()}. Bytes already written are never rewritten, so a crash loses at most the records of the
 * last period and leaves earlier ones intact (at worst a truncated final record).
 *
 * <p>An I/O error on the thread is kept; later records are dropped and {@link #flush()} or {@link
 * #close()} throws it as {@link UncheckedIOException}. Thread-safe.
 */
final class AsyncRecordWriter implements AutoCloseable {
  private static final int QUEUE_CAPACITY = 1 << 16;
  private static final int BUFFER_BYTES = 1 << 16;
  private static final Object CLOSE = new Object();

  private final FileOutputStream file;
  private final BufferedOutputStream out;
  private final long flushPeriodNanos;
  private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>(QUEUE_CAPACITY);
  private final Thread thread;
  private volatile IOException failure;
  private volatile boolean closed;

  /** Creates {@code path} (which must not exist) and starts the writing thread. */
  AsyncRecordWriter(Path path, Duration flushPeriod) throws IOException {
    this.file = new FileOutputStream(path.toFile(), false);
    this.out = new BufferedOutputStream(file, BUFFER_BYTES);
    this.flushPeriodNanos = Math.max(1, flushPeriod.toNanos());
    this.thread = new Thread(this::run, "event-writer " + path.getFileName());
    thread.setDaemon(true);
    thread.start();
  }

  /** Queues one record's data; blocks only while 65,536 records are already waiting. */
  void write(byte[] data) {
    if (closed) {
      throw new IllegalStateException("event file writer is closed");
    }
    put(data);
  }

  /** Writes every record queued so far to the file and returns once they are there. */
  synchronized void flush() {
    if (closed) {
      return;
    }
    CountDownLatch done = new CountDownLatch(1);
    put(done);
    awaitUninterruptibly(done);
    throwIfFailed();
  }

  /** Writes what is queued, forces the file to disk and closes it; idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    put(CLOSE);
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    throwIfFailed();
  }

  private void run() {
    long deadline = 0;
    boolean dirty = false;
    while (true) {
      Object item;
      try {
        long wait = deadline - System.nanoTime();
        item = dirty ? queue.poll(wait, TimeUnit.NANOSECONDS) : queue.take();
      } catch (InterruptedException e) {
        continue; // only close() ends this thread
      }
      if (item instanceof byte[] data) {
        if (!dirty) {
          deadline = System.nanoTime() + flushPeriodNanos;
          dirty = true;
        }
        guarded(() -> out.write(TfRecord.frame(data)));
      } else if (item instanceof CountDownLatch done) {
        guarded(out::flush);
        dirty = false;
        done.countDown();
      } else if (item == CLOSE) {
        guarded(out::flush);
        guarded(() -> file.getChannel().force(true));
        try {
          out.close();
        } catch (IOException e) {
          if (failure == null) {
            failure = e;
          }
        }
        return;
      }
      if (dirty && System.nanoTime() - deadline >= 0) {
        guarded(out::flush);
        dirty = false;
      }
    }
  }

  private interface IoAction {
    void run() throws IOException;
  }

  private void guarded(IoAction action) {
    if (failure != null) {
      return;
    }
    try {
      action.run();
    } catch (IOException e) {
      failure = e;
    }
  }

  private void throwIfFailed() {
    IOException e = failure;
    if (e != null) {
      throw new UncheckedIOException("writing event file failed", e);
    }
  }

  private void put(Object item) {
    boolean interrupted = false;
    while (true) {
      try {
        queue.put(item);
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    boolean interrupted = false;
    while (true) {
      try {
        latch.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
