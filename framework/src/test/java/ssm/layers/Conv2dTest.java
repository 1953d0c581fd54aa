package ssm.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import ssm.graph.Init;
import ssm.testing.GraphFixture;

/**
 * {@link Conv2d} (TF's generic Conv op with {@link ConvGradient}) against a brute-force Java
 * convolution with PyTorch's semantics (symmetric zero padding): the output, and the gradients of
 * {@code sum(y * r)} with respect to the input and the weights.
 */
class Conv2dTest {
  private static final int H = 9;
  private static final int W = 11;
  private static final int OUT = 4;

  @ParameterizedTest(name = "kernel {0}, stride {1}, padding {2}, {3} input channels")
  @CsvSource({
    "3, 1, 1, 3",
    "3, 2, 1, 3",
    "1, 2, 0, 3",
    "7, 2, 3, 3",
    "1, 1, 0, 3",
    "3, 1, 1, 16",
    "3, 2, 1, 16",
    "1, 2, 0, 16",
    "1, 1, 0, 16"
  })
  void outputAndGradientsEqualPytorchConvolution(int k, int stride, int pad, int in) {
    Random random = new Random(7L * k + stride + 31L * in);
    float[] x = randoms(random, H * W * in);
    int oh = (H + 2 * pad - k) / stride + 1;
    int ow = (W + 2 * pad - k) / stride + 1;
    float[] r = randoms(random, oh * ow * OUT);
    try (GraphFixture g = new GraphFixture()) {
      Operand<TFloat32> input =
          g.context()
              .parameters()
              .parameter(
                  "x", new long[] {1, H, W, in}, ssm.graph.ParameterLayout.IDENTITY, Init.ZEROS);
      Conv2d conv =
          Conv2d.named("conv")
              .channels(in, OUT)
              .kernel(k)
              .stride(stride)
              .padding(pad)
              .init(Init.KAIMING_NORMAL_FAN_OUT)
              .noBias()
              .build();
      Operand<TFloat32> y = conv.apply(g.context(), g.tf(), input);
      Operand<TFloat32> loss =
          g.tf()
              .sum(
                  g.tf().math.mul(y, g.constant(r, 1, oh, ow, OUT)),
                  g.tf().constant(new int[] {0, 1, 2, 3}));
      Operand<TFloat32> weight = g.context().parameters().get("conv.weight").variable();
      var grads = g.tf().gradients(loss, List.of(input, weight));
      g.session().runner().addTarget(g.tf().assign(input, g.constant(x, 1, H, W, in))).run();
      float[] w = g.fetchFloats(weight); // HWIO

      float[] expectedY = new float[oh * ow * OUT];
      float[] expectedDx = new float[x.length];
      float[] expectedDw = new float[w.length];
      for (int i = 0; i < oh; i++) {
        for (int j = 0; j < ow; j++) {
          for (int o = 0; o < OUT; o++) {
            int yi = (i * ow + j) * OUT + o;
            for (int a = 0; a < k; a++) {
              for (int b = 0; b < k; b++) {
                int row = i * stride + a - pad;
                int col = j * stride + b - pad;
                if (row < 0 || row >= H || col < 0 || col >= W) {
                  continue; // zero padding
                }
                for (int c = 0; c < in; c++) {
                  int xi = (row * W + col) * in + c;
                  int wi = ((a * k + b) * in + c) * OUT + o;
                  expectedY[yi] += x[xi] * w[wi];
                  expectedDx[xi] += r[yi] * w[wi];
                  expectedDw[wi] += r[yi] * x[xi];
                }
              }
            }
          }
        }
      }
      assertArrayEquals(new long[] {1, oh, ow, OUT}, g.fetchShape(y));
      assertClose(expectedY, g.fetchFloats(y));
      assertClose(expectedDx, g.fetchFloats(grads.dy(0)));
      assertClose(expectedDw, g.fetchFloats(grads.dy(1)));
    }
  }

  private static void assertClose(float[] expected, float[] actual) {
    assertEquals(expected.length, actual.length);
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], actual[i], 1e-5 * Math.max(1, Math.abs(expected[i])), "at " + i);
    }
  }

  private static float[] randoms(Random random, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) random.nextGaussian();
    }
    return v;
  }
}
