package ssm.graph;

import java.util.Arrays;

/**
 * How a parameter's PyTorch layout (the reference implementation's, used in weight files) maps to
 * the TensorFlow variable's layout. Weight files always hold the PyTorch layout, so weights of the
 * author's checkpoint load unchanged.
 */
public enum ParameterLayout {
  /** Same layout in both: biases, BatchNorm vectors. */
  IDENTITY,
  /** Conv2d weight: PyTorch [out, in, kH, kW] -> TF HWIO [kH, kW, in, out]. */
  CONV,
  /** ConvTranspose2d weight: PyTorch [in, out, kH, kW] -> TF [kH, kW, out, in]. */
  CONV_TRANSPOSE,
  /** Linear weight: PyTorch [out, in] -> TF [in, out] (y = x W). */
  LINEAR,
  /**
   * Linear weight whose input is a flattened C x S x S RoI feature: PyTorch flattens NCHW (column
   * c*S*S + y*S + x); this project flattens NHWC (row (y*S + x)*C + c), which saves a transpose of
   * the pooled features. TF [(y*S + x)*C + c, out]. Needs {@code roiSize}.
   */
  LINEAR_FROM_NCHW;

  /** The TF variable's shape for a parameter whose PyTorch shape is {@code torch}. */
  public long[] tfShape(long[] torch) {
    return switch (this) {
      case IDENTITY -> torch.clone();
      case CONV, CONV_TRANSPOSE -> new long[] {torch[2], torch[3], torch[1], torch[0]};
      case LINEAR, LINEAR_FROM_NCHW -> new long[] {torch[1], torch[0]};
    };
  }

  /**
   * Reorders {@code torchData} (row-major in the PyTorch shape) into the TF layout.
   *
   * @param roiChannels channels C of the flattened RoI feature, only for {@link #LINEAR_FROM_NCHW}
   */
  public float[] toTf(float[] torchData, long[] torch, int roiChannels) {
    return permute(torchData, torch, roiChannels, true);
  }

  /** The inverse of {@link #toTf}: TF-layout data back to the PyTorch layout. */
  public float[] toTorch(float[] tfData, long[] torch, int roiChannels) {
    return permute(tfData, torch, roiChannels, false);
  }

  private float[] permute(float[] src, long[] torch, int roiChannels, boolean toTf) {
    if (this == IDENTITY) {
      return src.clone();
    }
    float[] dst = new float[src.length];
    switch (this) {
      case CONV, CONV_TRANSPOSE -> {
        // Both are transpose (2, 3, 1, 0) of the 4-d PyTorch tensor [a, b, h, w] -> [h, w, b, a].
        int a = (int) torch[0], b = (int) torch[1], h = (int) torch[2], w = (int) torch[3];
        for (int i = 0; i < a; i++) {
          for (int j = 0; j < b; j++) {
            for (int y = 0; y < h; y++) {
              for (int x = 0; x < w; x++) {
                int t = ((i * b + j) * h + y) * w + x;
                int f = ((y * w + x) * b + j) * a + i;
                if (toTf) dst[f] = src[t];
                else dst[t] = src[f];
              }
            }
          }
        }
      }
      case LINEAR -> {
        int out = (int) torch[0], in = (int) torch[1];
        for (int o = 0; o < out; o++) {
          for (int i = 0; i < in; i++) {
            if (toTf) dst[i * out + o] = src[o * in + i];
            else dst[o * in + i] = src[i * out + o];
          }
        }
      }
      case LINEAR_FROM_NCHW -> {
        int out = (int) torch[0], in = (int) torch[1];
        int cells = in / roiChannels;
        int c = roiChannels;
        if ((long) cells * c != in) {
          throw new IllegalArgumentException(
              "input width " + in + " is not a multiple of " + roiChannels + " channels");
        }
        for (int o = 0; o < out; o++) {
          for (int ch = 0; ch < c; ch++) {
            for (int cell = 0; cell < cells; cell++) {
              int t = o * in + ch * cells + cell;
              int f = (cell * c + ch) * out + o;
              if (toTf) dst[f] = src[t];
              else dst[t] = src[f];
            }
          }
        }
      }
      default -> throw new AssertionError(this);
    }
    return dst;
  }

  /** Formats a shape as {@code [a, b, c]}. */
  public static String format(long[] shape) {
    return Arrays.toString(shape);
  }
}
