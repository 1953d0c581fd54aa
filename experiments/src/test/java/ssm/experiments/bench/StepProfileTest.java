package ssm.experiments.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.RunMetadata;
import org.tensorflow.proto.StepStats;

/** Aggregation of step statistics (no timing is asserted: the figures are made up). */
class StepProfileTest {
  private static NodeExecStats node(String name, String type, long micros) {
    return NodeExecStats.newBuilder()
        .setNodeName(name)
        .setTimelineLabel(name + " = " + type + "(a, b)")
        .setAllStartMicros(1000)
        .setOpEndRelMicros(micros)
        .setAllEndRelMicros(micros)
        .build();
  }

  @Test
  void sumsPerOpTypeAndScope() {
    RunMetadata m =
        RunMetadata.newBuilder()
            .setStepStats(
                StepStats.newBuilder()
                    .addDevStats(
                        DeviceStepStats.newBuilder()
                            .addAllNodeStats(
                                List.of(
                                    node("backbone/layer1/Conv2D", "_FusedConv2D", 300),
                                    node("backbone/layer2/Conv2D", "_FusedConv2D", 200),
                                    node("roi_align/CropAndResize", "CropAndResize", 100),
                                    node("gradients/backbone/x", "Conv2DBackpropFilter", 50)))))
            .build();
    StepProfile p = new StepProfile();
    p.add(m);
    p.add(m);
    assertEquals(2, p.runs());
    assertEquals(new StepProfile.Row("_FusedConv2D", 500, 2), p.topTypes(1).get(0));
    assertEquals(
        List.of("backbone", "roi_align", "gradients/backbone"),
        p.topScopes(5).stream().map(StepProfile.Row::key).toList());
    assertEquals(650, p.kernelMicrosPerRun(), 1e-9);
  }

  @Test
  void scopes() {
    assertEquals("backbone", StepProfile.scope("backbone/layer1/Conv2D"));
    assertEquals("(root)", StepProfile.scope("seed"));
    assertEquals("optimizer/adam", StepProfile.scope("optimizer/adam/update/Mul_3"));
    assertEquals(
        "gradients/segmentation_step/roi_align",
        StepProfile.scope("gradients/segmentation_step/roi_align/CropAndResize_grad/x"));
  }

  @Test
  void medianAndP90() {
    Benchmark.Stats s = Benchmark.Stats.of(List.of(5.0, 1.0, 3.0, 2.0, 4.0));
    assertEquals(3.0, s.median(), 0);
    assertEquals(5.0, s.p90(), 0);
    assertEquals(1.0, s.min(), 0);
  }
}
