package ssm.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssm.settings.Settings;
import ssm.settings.SettingsLoader;

class SeedRunsTest {
  @Test
  void seedOneKeepsTodaysFolderAndSeed() {
    Settings s = new SettingsLoader().load("scratch-r18-3", List.of(), List.of());
    assertEquals("scratch-r18-3", SeedRuns.folder("scratch-r18-3", 1));
    assertEquals(List.of(), SeedRuns.overrides(s, 1));
    // base.conf's training.seed is 20201: seed 3 trains with 20201 + 3 - 1
    assertEquals(20203, SeedRuns.seed(s, 3));
    assertEquals(List.of("training.seed = 20203"), SeedRuns.overrides(s, 3));
    assertEquals("stage1-r18-3-s3", SeedRuns.folder("stage1-r18-3", 3));
  }

  @Test
  void aFolderNamesItsRunAndSeed() {
    assertEquals(2, SeedRuns.index("scratch-r18-3-s2"));
    assertEquals("scratch-r18-3", SeedRuns.run("scratch-r18-3-s2"));
    assertEquals(1, SeedRuns.index("scratch-r18-3"));
    assertEquals("scratch-r18-3", SeedRuns.run("scratch-r18-3"));
    // -s1 and -s0 are not seed folders: seed 1 has no suffix
    assertEquals(1, SeedRuns.index("x-s1"));
    assertEquals("x-s1", SeedRuns.run("x-s1"));
    assertEquals(12, SeedRuns.index("training.seed=1-s12"));
    assertEquals("training.seed=1", SeedRuns.run("training.seed=1-s12"));
  }

  @Test
  void noSeedsIsAnError() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SeedRuns.check(0));
    assertEquals("--seeds 0: need at least 1 run per variant", e.getMessage());
  }

  @Test
  void groupsCollectTheSeedFoldersOfARun(@TempDir Path root) throws Exception {
    for (String f : List.of("b", "b-s3", "a", "a-s2", "stage1-r18-3", "tables")) {
      Files.createDirectories(root.resolve(f));
    }
    for (String f : List.of("b", "b-s3", "a", "a-s2")) {
      Files.writeString(root.resolve(f).resolve("slices.json"), "{}");
    }
    Map<String, TreeMap<Integer, Path>> g = SeedGroups.of(root, "slices.json");
    assertEquals(List.of("a", "b"), List.copyOf(g.keySet()));
    assertEquals(Map.of(1, root.resolve("a"), 2, root.resolve("a-s2")), g.get("a"));
    assertEquals(Map.of(1, root.resolve("b"), 3, root.resolve("b-s3")), g.get("b"));
    assertEquals(true, SeedGroups.seeded(g));
  }
}
