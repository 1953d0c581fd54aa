package ssm.testing;

import java.util.function.Function;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import ssm.graph.GraphContext;
import ssm.graph.Tensors;

/** A throwaway graph, session and ops for a test: build a stage, run it, read floats. */
public final class GraphFixture implements AutoCloseable {
  private final Graph graph = new Graph();
  private final GraphContext context = new GraphContext(graph, 1234L);
  private Session session;

  public Ops tf() {
    return context.ops();
  }

  public GraphContext context() {
    return context;
  }

  /** The session, created on first use (after the graph is built). */
  public Session session() {
    if (session == null) {
      session = ssm.graph.Sessions.create(graph);
    }
    return session;
  }

  /** A float constant from a row-major array of {@code shape}. */
  public Operand<TFloat32> constant(float[] data, long... shape) {
    try (TFloat32 t = Tensors.floats(data, shape)) {
      return tf().constant(t);
    }
  }

  /** Boxes {@code [n, 4]} from a flat list of x1, y1, x2, y2 quadruples. */
  public Operand<TFloat32> boxes(float... xyxy) {
    return constant(xyxy, xyxy.length / 4, 4);
  }

  /** Builds {@code f} into the graph and returns its value as row-major floats. */
  public float[] run(Function<Ops, Operand<TFloat32>> f) {
    return fetchFloats(f.apply(tf()));
  }

  /** Runs {@code output} and returns its value as row-major floats. */
  public float[] fetchFloats(Operand<?> output) {
    try (Result r = session().runner().fetch(output).run()) {
      return Tensors.toFloats(r.get(0));
    }
  }

  /** Runs {@code output} and returns its value as row-major ints. */
  public int[] fetchInts(Operand<?> output) {
    try (Result r = session().runner().fetch(output).run()) {
      return Tensors.toInts(r.get(0));
    }
  }

  /** Runs {@code output} and returns its shape. */
  public long[] fetchShape(Operand<?> output) {
    try (Result r = session().runner().fetch(output).run()) {
      Tensor t = r.get(0);
      return t.shape().asArray();
    }
  }

  @Override
  public void close() {
    if (session != null) {
      session.close();
    }
    graph.close();
  }
}
