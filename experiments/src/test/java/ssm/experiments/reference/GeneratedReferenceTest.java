package ssm.experiments.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committed reference pages (docs/reference/cli.md, configuration.md, tensorboard-tags.md) are
 * exactly what the code generates. With {@code -Dssm.reference.write=true} the test writes them
 * instead (the same as {@value ReferenceDocs#REGENERATE}).
 */
class GeneratedReferenceTest {
  private static final Path OUT = Path.of("..", "docs", "reference");

  @Test
  void committedReferenceIsWhatTheCodeGenerates() throws IOException {
    Map<String, String> pages = ReferenceDocs.pages();
    if (Boolean.getBoolean("ssm.reference.write")) {
      Files.createDirectories(OUT);
      for (Map.Entry<String, String> p : pages.entrySet()) {
        Files.writeString(OUT.resolve(p.getKey()), p.getValue(), StandardCharsets.UTF_8);
      }
    }
    List<String> stale = new ArrayList<>();
    for (Map.Entry<String, String> p : pages.entrySet()) {
      Path file = OUT.resolve(p.getKey());
      if (!Files.exists(file) || !Files.readString(file).equals(p.getValue())) {
        stale.add("docs/reference/" + p.getKey());
      }
    }
    assertEquals(
        List.of(),
        stale,
        "the generated reference differs from what the code generates; regenerate it with `"
            + ReferenceDocs.REGENERATE
            + "` and commit the result");
  }

  @Test
  void theHiddenCommandWritesThePages(@org.junit.jupiter.api.io.TempDir Path dir)
      throws IOException {
    int exit = ssm.experiments.cli.Main.commandLine().execute("reference", "--out", dir.toString());
    assertEquals(0, exit);
    for (Map.Entry<String, String> p : ReferenceDocs.pages().entrySet()) {
      assertEquals(p.getValue(), Files.readString(dir.resolve(p.getKey())), p.getKey());
    }
    assertTrue(!ReferenceDocs.cli().contains("## ssm reference"), "the command is hidden");
  }

  @Test
  void everyTagOfTheDocsOldTableIsThere() {
    String tags = ReferenceDocs.tensorboardTags();
    for (String tag :
        List.of(
            "eval/coco_ap50",
            "eval/accuracy",
            "eval/covid_vs_rest_auc",
            "train/stage",
            "time/step_ms",
            "train/branch_copied",
            "loss/s",
            "weights/<layer>")) {
      assertTrue(tags.contains("`" + tag + "`"), tag);
    }
  }

  @Test
  void configurationNamesEveryProfileAndItsValues() {
    String conf = ReferenceDocs.configuration();
    // configs/profiles/real.conf: model.roi.score-threshold = 0.05; demo: 0.5; base: 0.75
    assertTrue(conf.contains("| `model.roi.score-threshold` | number | 0.75 |"), conf);
    assertTrue(conf.contains("`0.5`") && conf.contains("`0.05`"));
    // a per-variant value names its pattern
    assertTrue(conf.contains("`shared-*`") || conf.contains("(\"shared-*\")"));
  }

  @Test
  void baseConfCommentsAreReadAcrossContinuationLines() {
    List<String> lines =
        List.of(
            "  classifier {",
            "    roi-gradient = false           # true: S's loss flows back",
            "                                   # and deltas",
            "    # a comment above",
            "    image-features = false         # true: S also sees");
    assertEquals("true: S's loss flows back and deltas", ReferenceDocs.comment(lines, 2));
    assertEquals("a comment above true: S also sees", ReferenceDocs.comment(lines, 5));
  }
}
