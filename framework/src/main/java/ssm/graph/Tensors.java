package ssm.graph;

import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TUint8;

/** Copies between Java arrays and tensors, row-major. The only place such copies are written. */
public final class Tensors {
  private Tensors() {}

  /** A float tensor of {@code shape} holding {@code data} (row-major). */
  public static TFloat32 floats(float[] data, long... shape) {
    return TFloat32.tensorOf(Shape.of(shape), DataBuffers.of(data, true, false));
  }

  /** An int tensor of {@code shape} holding {@code data} (row-major). */
  public static TInt32 ints(int[] data, long... shape) {
    return TInt32.tensorOf(Shape.of(shape), DataBuffers.of(data, true, false));
  }

  /** A uint8 tensor of {@code shape} holding {@code data} (row-major). */
  public static TUint8 bytes(byte[] data, long... shape) {
    return TUint8.tensorOf(Shape.of(shape), DataBuffers.of(data, true, false));
  }

  /** The values of a float tensor, row-major. */
  public static float[] toFloats(Tensor t) {
    TFloat32 f = (TFloat32) t;
    float[] out = new float[(int) f.size()];
    f.copyTo(DataBuffers.of(out, false, false));
    return out;
  }

  /** The values of an int32 tensor, row-major. */
  public static int[] toInts(Tensor t) {
    TInt32 f = (TInt32) t;
    int[] out = new int[(int) f.size()];
    f.copyTo(DataBuffers.of(out, false, false));
    return out;
  }

  /** A scalar float tensor's value. */
  public static float scalar(Tensor t) {
    return ((TFloat32) t).getFloat();
  }

  /** The shape of {@code t} as an array. */
  public static long[] shape(Tensor t) {
    return t.shape().asArray();
  }
}
