package ssm.graph;

import org.tensorflow.op.core.Assign;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * One named tensor of the model: a trainable parameter or a BatchNorm buffer.
 *
 * @param name the reference implementation's PyTorch name, e.g. {@code rpn.head.conv.weight}
 * @param torchShape the PyTorch shape, as stored in weight files
 * @param layout how the PyTorch layout maps to {@link #variable}'s TF layout
 * @param roiChannels channels of the flattened RoI feature ({@link
 *     ParameterLayout#LINEAR_FROM_NCHW})
 * @param trainable false for BatchNorm running statistics
 * @param variable the TF variable, in TF layout
 * @param feed placeholder through which weight loading feeds a TF-layout value
 * @param load assigns {@link #feed} to {@link #variable}
 */
public record Parameter(
    String name,
    long[] torchShape,
    ParameterLayout layout,
    int roiChannels,
    boolean trainable,
    Variable<TFloat32> variable,
    Placeholder<TFloat32> feed,
    Assign<TFloat32> load) {

  /** Number of scalars. */
  public long size() {
    long n = 1;
    for (long d : torchShape) {
      n *= d;
    }
    return n;
  }

  /** The TF-layout shape of {@link #variable}. */
  public long[] tfShape() {
    return layout.tfShape(torchShape);
  }
}
