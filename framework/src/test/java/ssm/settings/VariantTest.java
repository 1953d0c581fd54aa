package ssm.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VariantTest {
  private static final List<String> PAPER_ORDER =
      List.of(
          "shared-r18-2",
          "shared-r18-3",
          "shared-r34-2",
          "shared-r34-3",
          "frozen-r18-2",
          "frozen-r18-3",
          "frozen-r34-2",
          "frozen-r34-3",
          "scratch-r18-2",
          "scratch-r18-3",
          "scratch-r34-2",
          "scratch-r34-3");

  @Test
  void allTwelveParseAndRoundTripInThePapersOrder() {
    assertEquals(PAPER_ORDER, Variant.all().stream().map(Variant::name).toList());
    for (String name : PAPER_ORDER) {
      assertEquals(name, Variant.parse(name).name());
      assertEquals(Variant.parse(name), Variant.parse(Variant.parse(name).toString()));
    }
  }

  @Test
  void unknownNameListsAllTwelve() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Variant.parse("scratch-r50-3"));
    assertTrue(e.getMessage().startsWith("unknown variant 'scratch-r50-3'"), e.getMessage());
    PAPER_ORDER.forEach(name -> assertTrue(e.getMessage().contains(name), name));
  }

  @ParameterizedTest
  @CsvSource({
    "shared-r18-2, SSM R18*, false", "shared-r34-3, SSM R34**, false",
    "frozen-r18-3, SSM2 R18**, true", "frozen-r34-2, SSM2 R34*, true",
    "scratch-r18-3, SSM-S R18**, true", "scratch-r34-2, SSM-S R34*, true"
  })
  void paperLabelsAndBranches(String name, String label, boolean twoBranches) {
    Variant v = Variant.parse(name);
    assertEquals(label, v.paperLabel());
    assertEquals(twoBranches, v.twoBranches());
  }

  @Test
  void defaultIsThePapersBestModelAndBaseConf() {
    assertEquals(Variant.parse("scratch-r18-3"), Variant.DEFAULT);
    assertEquals(Variant.DEFAULT.name(), new SettingsLoader().load().variant());
    assertFalse(Variant.parse("shared-r18-3").twoBranches());
  }

  @Test
  void settingsThatContradictTheVariantNameAreRejected() {
    Settings s =
        new SettingsLoader()
            .load(
                "frozen-r34-2",
                List.of(),
                List.of("model.backbone.depth=18", "training.regime=scratch"));
    SettingsException e = assertThrows(SettingsException.class, () -> Variant.of(s));
    assertEquals(
        List.of(
            "--set model.backbone.depth=18: model.backbone.depth = 18 contradicts variant "
                + "frozen-r34-2; choose another variant instead",
            "--set training.regime=scratch: training.regime = scratch contradicts variant "
                + "frozen-r34-2; choose another variant instead"),
        e.problems());
  }

  @Test
  void eachVariantFileGivesTheSettingsItsNameSays() {
    SettingsLoader loader = new SettingsLoader();
    for (Variant v : Variant.all()) {
      assertNotNull(getClass().getClassLoader().getResource(v.configResource()), v.name());
      Settings s = loader.load(v.name());
      assertEquals(v.name(), s.variant());
      assertEquals(v.depth(), s.model().backbone().depth(), v.name());
      assertEquals(v.blocks(), s.model().backbone().blocks(), v.name());
      assertEquals(v.regime(), s.training().regime(), v.name());
      assertEquals(v, Variant.of(s));
    }
  }
}
