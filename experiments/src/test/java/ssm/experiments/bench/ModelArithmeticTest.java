package ssm.experiments.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import ssm.testing.TestSettings;

/** MAC counts of scratch-r18-3 at 512 x 512, computed by hand layer by layer. */
class ModelArithmeticTest {

  @Test
  void scratchResNet18ThreeBlocksAt512() {
    Map<String, Long> macs =
        ModelArithmetic.inference(TestSettings.model(18, 3), 512, 512, 1000, 2, 10);
    long conv1 = 256L * 256 * 49 * 3 * 64; // 7x7/2 -> 256 x 256
    long layer1 = 4 * (128L * 128 * 9 * 64 * 64);
    long layer2 = 64L * 64 * 9 * 64 * 128 + 3 * (64L * 64 * 9 * 128 * 128) + 64L * 64 * 64 * 128;
    long layer3 = 32L * 32 * 9 * 128 * 256 + 3 * (32L * 32 * 9 * 256 * 256) + 32L * 32 * 128 * 256;
    assertEquals(616_562_688L, conv1);
    assertEquals(2_147_483_648L, layer2);
    assertEquals(conv1 + layer1 + layer2 + layer3, macs.get("backbone"));
    assertEquals(32L * 32 * 256 * 256 + 32L * 32 * 9 * 256 * 256, macs.get("fpn"));
    assertEquals(
        32L * 32 * 9 * 256 * 256 + 32L * 32 * 256 * 30 + 32L * 32 * 256 * 120, macs.get("rpn"));
    long branch = 1000L * 12544 * 128 + 1000L * 128 * 128 + 1000L * 128 * 2 + 1000L * 128 * 8;
    assertEquals(2 * branch, macs.get("box branches"));
    long mask = 14L * 14 * 9 * 256 * 128 + 14L * 14 * 128 * 128 * 4 + 28L * 28 * 128 * 2;
    assertEquals(10 * mask, macs.get("mask head"));
    assertEquals(640L * 512 + 512L * 512 + 512L * 3, macs.get("s head"));
    assertEquals(
        11_888_431_104L + 10 * mask + 640L * 512 + 512L * 512 + 512L * 3,
        ModelArithmetic.total(macs));
  }

  @Test
  void twoBlocksStopAtStrideEight() {
    Map<String, Long> macs =
        ModelArithmetic.inference(TestSettings.model(18, 2), 512, 512, 1000, 1, 0);
    long layer3Free = 616_562_688L + 4 * (128L * 128 * 9 * 64 * 64) + 2_147_483_648L;
    assertEquals(layer3Free, macs.get("backbone"));
    assertEquals(64L * 64 * 128 * 256 + 64L * 64 * 9 * 256 * 256, macs.get("fpn"));
    assertEquals(0L, macs.get("mask head"));
  }

  @Test
  void trainingIterationIsThreeSegmentationForwardsPlusOneClassificationForward() {
    var m = TestSettings.model(18, 3);
    long body = 7_327_449_088L + 671_088_640L + 643_301_376L; // backbone + FPN + RPN at 512
    long branch512 = 512L * 12544 * 128 + 512L * 128 * 128 + 512L * 128 * 10;
    long mask = 14L * 14 * 9 * 256 * 128 + 14L * 14 * 128 * 128 * 4 + 28L * 28 * 128 * 2;
    long sHead = 640L * 512 + 512L * 512 + 512L * 3;
    long classification = 11_888_431_104L + sHead;
    assertEquals(
        3 * (body + branch512 + 128 * mask + sHead) + classification,
        ModelArithmetic.trainingIteration(m, 512, 512, 128, 2));
  }
}
