package ssm.experiments.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ssm.backbone.TruncatedResNet;
import ssm.classify.SHead;
import ssm.settings.ModelSettings;

/**
 * Multiply-accumulates (MACs) of one forward pass of the SSM, per stage, counted from the layer
 * shapes: a k x k convolution costs {@code outH * outW * k * k * in * out}, a fully connected layer
 * {@code rows * in * out}. Element-wise work, pooling, RoIAlign, NMS and BatchNorm are not counted.
 * {@code ssm bench} divides these by the machine's measured matrix-product rate to show the floor
 * that the arithmetic alone sets (docs/explanation/performance.md).
 */
public final class ModelArithmetic {
  private ModelArithmetic() {}

  /**
   * Forward MACs of the inference path on a {@code height x width} input (already padded to the
   * size divisor), per stage, in the order the graph runs them.
   *
   * @param proposals RoIs through each box branch (post-NMS top-n, 1000)
   * @param branches box branches run over the proposals: 1 (shared) or 2 (frozen, scratch)
   * @param detections detections through the mask head (0 to detections-per-image)
   */
  public static Map<String, Long> inference(
      ModelSettings m, int height, int width, int proposals, int branches, int detections) {
    Map<String, Long> macs = new LinkedHashMap<>();
    int[] size = {height, width};
    macs.put("backbone", backbone(m.backbone(), size));
    int h = size[0];
    int w = size[1];
    int c = new TruncatedResNet(m.backbone().depth(), m.backbone().blocks()).outChannels();
    int f = m.fpnChannels();
    macs.put("fpn", conv(h, w, 1, c, f) + conv(h, w, 3, f, f));
    int a = m.anchors().perLocation();
    macs.put("rpn", conv(h, w, 3, f, f) + conv(h, w, 1, f, a) + conv(h, w, 1, f, 4 * a));
    int s = m.roi().outputSize();
    int r = m.roi().representation();
    long branch =
        fc(proposals, s * s * f, r)
            + fc(proposals, r, r)
            + fc(proposals, r, 2)
            + fc(proposals, r, 8);
    macs.put("box branches", branches * branch);
    int ms = m.mask().outputSize();
    long mask = 0;
    int in = f;
    for (int layer : m.mask().layers()) {
      mask += conv(ms, ms, 3, in, layer);
      in = layer;
    }
    mask += (long) ms * ms * in * in * 4 + conv(2 * ms, 2 * ms, 1, in, 2); // 2x2/2 transposed
    macs.put("mask head", detections * mask);
    int hidden = m.classifier().hidden();
    macs.put(
        "s head",
        fc(1, new SHead(m.classifier(), m.fpnChannels()).inputs(), hidden)
            + fc(1, hidden, hidden)
            + fc(1, hidden, m.classifier().classes()));
    return macs;
  }

  /**
   * An estimate of one training iteration's MACs (docs/explanation/model.md#52-protocol): the
   * segmentation step's forward pass ({@code batch-per-image} sampled RoIs through one branch,
   * {@code positives} RoIs through the mask head) and its backward pass, counted as twice the
   * forward (each layer's input and weight gradients), then the classification step's forward pass
   * (the inference path without detections; its backbone gets no gradient).
   *
   * @param positives positive RoIs of the segmentation step (0 to 25% of 512)
   */
  public static long trainingIteration(
      ModelSettings m, int height, int width, int positives, int branches) {
    long segmentation = total(inference(m, height, width, m.roi().batchPerImage(), 1, positives));
    long classification = total(inference(m, height, width, m.rpn().postNmsTopN(), branches, 0));
    return 3 * segmentation + classification;
  }

  /** The sum of {@link #inference}'s stages. */
  public static long total(Map<String, Long> macs) {
    return macs.values().stream().mapToLong(Long::longValue).sum();
  }

  /** The truncated ResNet body; leaves {@code size} at its output's height and width. */
  static long backbone(ModelSettings.BackboneSettings b, int[] size) {
    List<Integer> blocks = new TruncatedResNet(b.depth(), b.blocks()).blocksPerStage();
    int h = down(size[0], 7, 2, 3);
    int w = down(size[1], 7, 2, 3);
    long macs = conv(h, w, 7, 3, 64);
    h = down(h, 3, 2, 1); // max-pool
    w = down(w, 3, 2, 1);
    int in = 64;
    for (int stage = 0; stage < b.blocks(); stage++) {
      int out = 64 << stage; // as TruncatedResNet
      for (int block = 0; block < blocks.get(stage); block++) {
        int stride = stage > 0 && block == 0 ? 2 : 1;
        int oh = down(h, 3, stride, 1);
        int ow = down(w, 3, stride, 1);
        macs += conv(oh, ow, 3, in, out) + conv(oh, ow, 3, out, out);
        if (stride != 1 || in != out) {
          macs += conv(oh, ow, 1, in, out); // downsample
        }
        h = oh;
        w = ow;
        in = out;
      }
    }
    size[0] = h;
    size[1] = w;
    return macs;
  }

  private static int down(int n, int kernel, int stride, int padding) {
    return (n + 2 * padding - kernel) / stride + 1;
  }

  private static long conv(int outH, int outW, int kernel, int in, int out) {
    return (long) outH * outW * kernel * kernel * in * out;
  }

  private static long fc(int rows, int in, int out) {
    return (long) rows * in * out;
  }
}
