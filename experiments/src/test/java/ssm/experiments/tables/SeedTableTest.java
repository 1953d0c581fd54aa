package ssm.experiments.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedTableTest {
  private static final double[] S = {0.5, 0.5, 0.5};

  /** scratch-r18-3 with seeds 1-3 (AP .30, .40, .35; F1 .70, .80, .90), shared-r18-2 with one. */
  private static Path runs(Path dir) throws Exception {
    double[] ap = {0.30, 0.40, 0.35};
    double[] f1 = {0.70, 0.80, 0.90};
    for (int k = 1; k <= 3; k++) {
      String folder = k == 1 ? "scratch-r18-3" : "scratch-r18-3-s" + k;
      PaperTablesTest.write(
          dir.resolve(folder + "/metrics.json"),
          PaperTablesTest.metrics(
              "scratch-r18-3", PaperTablesTest.SYNTHETIC, ap[k - 1], S, f1[k - 1], null));
    }
    PaperTablesTest.write(
        dir.resolve("shared-r18-2/metrics.json"),
        PaperTablesTest.metrics("shared-r18-2", PaperTablesTest.SYNTHETIC, 0.5, S, 0.6, null));
    return dir;
  }

  @Test
  void eachSeedBesideTheMeanAndSd(@TempDir Path dir) throws Exception {
    List<String> warnings = new ArrayList<>();
    PaperTables.Table t = SeedTable.of(runs(dir), warnings);
    assertEquals(List.of(), warnings);
    String md = t.markdown();
    assertTrue(md.startsWith("**Table 5.**"), md);
    assertTrue(md.contains("(N = 1 to 3 per run;"), md);
    // AP: mean (0.30 + 0.40 + 0.35) / 3 = 0.35, sd sqrt((0.0025 + 0.0025 + 0) / 2) = 0.05
    // F1: mean 0.80, sd sqrt((0.01 + 0 + 0.01) / 2) = 0.1; accuracy 0.5 each: sd 0
    // files without training_seed (written before it was recorded) show "?"
    assertTrue(
        md.contains(
            "| scratch-r18-3 | 3 | ?, ?, ? | 0.300, 0.400, 0.350 | 0.350 ± 0.050 | 0.500, 0.600,"
                + " 0.550 | 0.550 ± 0.050 | 0.600, 0.600, 0.600 | 0.600 ± 0.000 | 0.500, 0.500,"
                + " 0.500 | 0.500 ± 0.000 | 0.700, 0.800, 0.900 | 0.800 ± 0.100 |"),
        md);
    assertTrue(md.contains("| shared-r18-2 | 1 | ? | 0.500 | 0.500 ± n/a |"), md);
    assertTrue(t.csv().startsWith("run,seeds,training_seeds,ap_per_seed,ap_mean_sd,"), t.csv());
  }

  @Test
  void tablesOneToFourKeepSeedOne(@TempDir Path dir) throws Exception {
    List<String> warnings = new ArrayList<>();
    List<PaperTables.Run> found = PaperTables.scan(runs(dir), warnings);
    assertEquals(List.of(), warnings); // seeds 2 and 3 are not "the same variant twice"
    PaperTables.Run scratch =
        found.stream().filter(r -> r.variant().name().equals("scratch-r18-3")).findFirst().get();
    assertEquals(dir.resolve("scratch-r18-3/metrics.json"), scratch.file());
  }

  @Test
  void noTableWithOneSeedEach(@TempDir Path dir) throws Exception {
    PaperTablesTest.write(
        dir.resolve("shared-r18-2/metrics.json"),
        PaperTablesTest.metrics("shared-r18-2", PaperTablesTest.SYNTHETIC, 0.5, S, 0.6, null));
    assertNull(SeedTable.of(dir, new ArrayList<>()));
  }

  @Test
  void sampleSd() {
    double[] ms = SeedTable.meanSd(new double[] {1, 2, 3, 6});
    // mean 3, squares 4 + 1 + 0 + 9 = 14, / 3
    assertEquals(3, ms[0], 1e-12);
    assertEquals(Math.sqrt(14.0 / 3), ms[1], 1e-12);
    assertTrue(Double.isNaN(SeedTable.meanSd(new double[] {0.4})[1]));
  }
}
