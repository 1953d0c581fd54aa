package ssm.roi;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TInt32;

/**
 * Which kept RoI fills each of the R rows of the RoI batch
 * (docs/explanation/model.md#910-roi-batch-padding): with n kept RoIs (n < R), the reference cuts
 * rows 0..R-1 into n runs at the sorted cut points {@code randperm(R - 2)[:n - 1] + 1}; run i
 * repeats kept RoI i. So the order is preserved, RoI 0 starts row 0, every RoI appears, and the
 * last run has at least two rows. With n >= R the rows are the first R RoIs; with n = 0 every row
 * index is n (the caller's zero row).
 *
 * <p>In graph form: position q in 1..R-2 starts a run iff the inverse permutation puts q - 1 among
 * the first n - 1 draws; the row's RoI is the number of run starts up to it, minus one.
 */
public final class OrderPreservingPadding {
  private OrderPreservingPadding() {}

  /**
   * @param kept n, the number of kept RoIs (scalar)
   * @param permutation a permutation of 0..R-3, the reference's {@code randperm(R - 2)}
   * @param rows R
   * @return [R] index of the kept RoI behind each row, or n for every row when n = 0
   */
  public static Operand<TInt32> rowSources(
      Ops tf, Operand<TInt32> kept, Operand<TInt32> permutation, int rows) {
    Ops t = tf.withSubScope("padding");
    Operand<TInt32> drawn = t.math.sub(kept, t.constant(1));
    Operand<TBool> innerStarts = t.math.less(t.math.invertPermutation(permutation), drawn);
    Operand<TBool> starts =
        t.concat(
            List.of(
                t.constant(new boolean[] {true}),
                innerStarts,
                t.reshape(t.math.greaterEqual(kept, t.constant(rows)), t.constant(new int[] {1}))),
            t.constant(0));
    Operand<TInt32> source =
        t.math.sub(
            t.math.cumsum(t.dtypes.cast(starts, TInt32.class), t.constant(0)), t.constant(1));
    Operand<TInt32> empty = t.fill(t.constant(new int[] {rows}), kept);
    return t.select(
        t.fill(t.constant(new int[] {rows}), t.math.greater(kept, t.constant(0))), source, empty);
  }

  /** A uniformly random permutation of 0..size-1 from a stateless seed [2] (int64). */
  public static Operand<TInt32> randomPermutation(
      Ops tf, Operand<org.tensorflow.types.TInt64> seed, int size) {
    Operand<org.tensorflow.types.TFloat32> keys =
        tf.random.statelessRandomUniform(tf.constant(new int[] {size}), seed);
    return tf.nn.topK(keys, tf.constant(size), TInt32.class).indices();
  }
}
