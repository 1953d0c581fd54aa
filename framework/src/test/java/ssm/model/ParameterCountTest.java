package ssm.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import ssm.settings.Regime;
import ssm.testing.SlowTest;
import ssm.testing.TestSettings;
import ssm.wiring.ModelWiring;

/**
 * docs/explanation/model.md#3-parameter-counts (paper Table 1), exactly. For ResNet18, 3 blocks,
 * two branches: body 2,782,784 (conv1 9,408 + bn1 128 + layer1 147,968 + layer2 525,568 + layer3
 * 2,099,712) + FPN 655,872 (65,792 + 590,080) + S 592,387 (328,192 + 262,656 + 1,539) + RPN 628,630
 * (590,080 + 7,710 + 30,840) + 2 x box branch 1,623,562 (1,605,760 + 16,512 + 258 + 1,032) + mask
 * 360,962 (295,040 + 65,664 + 258) = 8,267,759.
 */
@SlowTest
class ParameterCountTest {

  @ParameterizedTest
  @CsvSource({
    "18, 2, false, 4511717, 1898563",
    "18, 3, false, 6644197, 4031043",
    "34, 2, false, 5176549, 2563395",
    "34, 3, false, 12031717, 9418563",
    "18, 2, true, 6135279, 1898563",
    "18, 3, true, 8267759, 4031043",
    "34, 2, true, 6800111, 2563395",
    "34, 3, true, 13655279, 9418563"
  })
  void countsMatchThePaper(
      int depth, int blocks, boolean twoBranches, long total, long backboneAndS) {
    var settings = TestSettings.model(depth, blocks);
    SsmModel model = ModelWiring.model(settings, twoBranches ? Regime.SCRATCH : Regime.SHARED);
    ParameterCount count = ParameterCount.of(model);
    assertEquals(total, count.total(), "total parameters");
    assertEquals(backboneAndS, count.classificationStep(), "parameters of backbone + S");
  }
}
