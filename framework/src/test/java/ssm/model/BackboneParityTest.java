package ssm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import ssm.backbone.Fpn;
import ssm.backbone.TruncatedResNet;
import ssm.graph.Tensors;
import ssm.io.Weights;
import ssm.layers.BatchNormMode;
import ssm.rpn.RpnHead;
import ssm.rpn.RpnOutputs;
import ssm.testing.GraphFixture;
import ssm.testing.ReferenceFixture;
import ssm.testing.SlowTest;

/** Golden numbers of the reference implementation: backbone, FPN and RPN head statistics. */
@SlowTest
class BackboneParityTest {

  @Test
  void featureStatisticsMatchTheReference() throws Exception {
    JsonNode image = ReferenceFixture.expected().path("images").get(0);
    try (GraphFixture g = new GraphFixture()) {
      var tf = g.tf();
      Placeholder<TFloat32> pixels = tf.placeholder(TFloat32.class);
      Operand<TFloat32> batch =
          new InputTransform(
                  new ssm.settings.ModelSettings.InputSettings(
                      512,
                      1024,
                      new float[] {0.485f, 0.456f, 0.406f},
                      new float[] {0.229f, 0.224f, 0.225f},
                      32,
                      0))
              .apply(tf, pixels);
      Operand<TFloat32> c3 =
          new TruncatedResNet(18, 3).build(g.context(), tf, batch, BatchNormMode.INFERENCE);
      Operand<TFloat32> fpn = new Fpn(256, 256).build(g.context(), tf, c3);
      RpnOutputs rpn = new RpnHead(256, 30).build(g.context(), tf, fpn);
      Session s = g.session();
      Weights.load(s, g.context().parameters(), ReferenceFixture.weights(), true);
      try (TFloat32 in =
              Tensors.floats(
                  ReferenceFixture.imagePixels(image.path("file").asText()), 512, 512, 3);
          Result r =
              s.runner()
                  .feed(pixels, in)
                  .fetch(batch)
                  .fetch(c3)
                  .fetch(fpn)
                  .fetch(rpn.objectnessLogits())
                  .run()) {
        assertStats(image.path("transform").path("batched"), r.get(0), 3, 1e-5);
        assertStats(image.path("backbone").path("body.layer3"), r.get(1), 256, 1e-4);
        assertStats(image.path("fpn").path("out"), r.get(2), 256, 1e-4);
        // objectness [1, 30, 32, 32] in NCHW = our [1, 32, 32, 30] flattened
        assertStats(image.path("rpn").path("cls_logits"), r.get(3), 30, 1e-4);
      }
    }
  }

  /** Compares mean/std/min/max and the NCHW samples of {@code expected} with an NHWC tensor. */
  static void assertStats(
      JsonNode expected, org.tensorflow.Tensor actual, int channels, double tol) {
    float[] v = Tensors.toFloats(actual);
    double sum = 0, sq = 0, min = Double.MAX_VALUE, max = -Double.MAX_VALUE;
    for (float f : v) {
      sum += f;
      sq += (double) f * f;
      min = Math.min(min, f);
      max = Math.max(max, f);
    }
    double mean = sum / v.length;
    double std = Math.sqrt(sq / v.length - mean * mean);
    assertEquals(expected.path("mean").asDouble(), mean, tol, "mean");
    assertEquals(expected.path("std").asDouble(), std, tol * 10, "std");
    assertEquals(expected.path("min").asDouble(), min, tol * 10, "min");
    assertEquals(expected.path("max").asDouble(), max, tol * 10, "max");
    List<JsonNode> samples = new java.util.ArrayList<>();
    expected.path("samples").forEach(samples::add);
    JsonNode shape = expected.path("shape");
    int h = shape.get(2).asInt(), w = shape.get(3).asInt();
    for (JsonNode s : samples) {
      int c = s.path("index").get(1).asInt();
      int y = s.path("index").get(2).asInt();
      int x = s.path("index").get(3).asInt();
      int i = (y * w + x) * channels + c;
      assertEquals(s.path("value").asDouble(), v[i], tol * 10, "sample " + s.path("index"));
    }
    assertEquals(h * w * channels, v.length, "size");
  }
}
