package ssm.experiments.bench;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.random.RandomUniform;
import org.tensorflow.types.TFloat32;
import ssm.graph.Sessions;

/**
 * The machine's float32 matrix-product rate as TensorFlow delivers it: the median of timed {@code n
 * x n x n} MatMuls after warm-up, in GFLOP/s (2 flops per multiply-accumulate). The fastest the
 * model's arithmetic can go on this machine and build.
 */
public final class MatMulRate {
  private MatMulRate() {}

  /** Measures with {@code n = 2048} (17 GFLOP per product), 2 warm-up and 5 timed runs. */
  public static double measureGflops() {
    int n = 2048;
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      var a =
          tf.variable(
              tf.random.randomUniform(
                  tf.constant(new long[] {n, n}), TFloat32.class, RandomUniform.seed(1L)));
      var b =
          tf.variable(
              tf.random.randomUniform(
                  tf.constant(new long[] {n, n}), TFloat32.class, RandomUniform.seed(2L)));
      // Summed to a scalar so that fetching the result copies nothing big.
      Operand<TFloat32> product = tf.sum(tf.linalg.matMul(a, b), tf.constant(new int[] {0, 1}));
      try (Session session = Sessions.create(graph)) {
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
          long t0 = System.nanoTime();
          session.runner().fetch(product).run().close();
          if (i >= 2) {
            seconds.add((System.nanoTime() - t0) / 1e9);
          }
        }
        return 2.0 * n * n * n / Benchmark.Stats.of(seconds).median() / 1e9;
      }
    }
  }
}
