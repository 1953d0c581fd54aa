package ssm.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssm.data.synthetic.SyntheticCtGenerator;
import ssm.testing.SlowTest;

/**
 * Measures, and prints, generation speed and decode throughput for 512x512 slices: wall time and
 * this thread's CPU time (the CPU figure is what the machine can do when other work shares it).
 * Asserts only that the prefetcher keeps a slow consumer from waiting.
 */
@SlowTest
class DataThroughputTest {
  private static final int N = 40;
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  @TempDir Path dir;

  @Test
  void measure() throws Exception {
    var o = new SyntheticCtGenerator.Options(N, 0, 512, 5);
    SyntheticCtGenerator.generate(
        dir.resolve("warm"), new SyntheticCtGenerator.Options(10, 0, 512, 9), (d, t) -> {});
    long[] t = start();
    SyntheticCtGenerator.generate(dir, o, (d, tt) -> {});
    report("generate (render + image PNG + mask PNG)", t, N, "ms/slice");

    SegmentationFolder seg =
        new SegmentationFolder(dir.resolve("seg/train"), ReaderOptions.defaults());
    Path images = dir.resolve("seg/train/images");
    for (int i = 0; i < seg.size(); i++) {
      ImageDecoder.decode(images.resolve(seg.id(i))); // warm-up
    }
    int rounds = 3;
    t = start();
    for (int r = 0; r < rounds; r++) {
      for (int i = 0; i < seg.size(); i++) {
        ImageDecoder.decode(images.resolve(seg.id(i)));
      }
    }
    report("decode + convert 512x512 PNG to RGB float", t, rounds * seg.size(), "slices/s");

    t = start();
    for (int i = 0; i < seg.size(); i++) {
      seg.load(i);
    }
    report("segmentation item (image + mask + instances)", t, seg.size(), "slices/s");

    // a consumer that computes 100 ms per item never waits once the queue has filled
    long waited = 0;
    int items = 0;
    try (Prefetcher<SegmentationExample> p = Prefetcher.inOrder(seg, 8)) {
      Thread.sleep(1000);
      while (true) {
        long w0 = System.nanoTime();
        if (!p.hasNext()) {
          break;
        }
        p.next();
        waited += System.nanoTime() - w0;
        items++;
        Thread.sleep(100);
      }
    }
    assertEquals(seg.size(), items);
    double meanWaitMs = waited / 1e6 / items;
    System.out.printf(
        "throughput: prefetcher, consumer at 100 ms/item: mean wait %.2f ms/item%n", meanWaitMs);
    assertTrue(meanWaitMs < 20, "consumer waited " + meanWaitMs + " ms per item");
  }

  private static long[] start() {
    return new long[] {System.nanoTime(), CPU.getCurrentThreadCpuTime()};
  }

  private static void report(String what, long[] t, int n, String unit) {
    double wall = (System.nanoTime() - t[0]) / 1e9;
    double cpu = (CPU.getCurrentThreadCpuTime() - t[1]) / 1e9;
    if (unit.equals("ms/slice")) {
      System.out.printf(
          "throughput: %s: %.1f ms/slice wall, %.1f ms/slice CPU%n",
          what, 1000 * wall / n, 1000 * cpu / n);
    } else {
      System.out.printf(
          "throughput: %s: %.0f slices/s wall, %.0f slices/s CPU%n", what, n / wall, n / cpu);
    }
  }
}
