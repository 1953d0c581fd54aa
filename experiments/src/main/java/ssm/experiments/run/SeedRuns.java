package ssm.experiments.run;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ssm.settings.Settings;
import ssm.util.Check;

/**
 * The one place that names the seed runs of a grid's variant or a sweep's combination ({@code
 * --seeds N}): seed 1 is today's run, in today's folder with the configured {@code training.seed};
 * seed k (k >= 2) trains with {@code training.seed + k - 1} into the sibling folder {@code
 * <run>-s<k>} (e.g. {@code scratch-r18-3-s2}, and {@code stage1-r18-3-s2} for its Stage I). The
 * seed drives initialisation, data order and augmentation (docs/how-to/grids-and-sweeps.md).
 */
public final class SeedRuns {
  private static final Pattern SUFFIX = Pattern.compile("^(.+)-s([0-9]+)$");

  private SeedRuns() {}

  /** Checks a {@code --seeds} value. */
  public static int check(int seeds) {
    Check.that(seeds >= 1, "--seeds %d: need at least 1 run per variant", seeds);
    return seeds;
  }

  /** The folder of seed {@code k} of {@code run}: {@code run} itself for k = 1. */
  public static String folder(String run, int k) {
    Check.that(k >= 1, "seed index %d: seeds count from 1", k);
    return k == 1 ? run : run + "-s" + k;
  }

  /** The seed index a folder name stands for: k for {@code <run>-s<k>} with k >= 2, else 1. */
  public static int index(String folder) {
    Matcher m = SUFFIX.matcher(folder);
    if (!m.matches() || m.group(2).length() > 6) {
      return 1;
    }
    int k = Integer.parseInt(m.group(2));
    return k >= 2 ? k : 1;
  }

  /** The run a folder belongs to: {@code folder} without its {@code -s<k>} suffix. */
  public static String run(String folder) {
    return index(folder) == 1 ? folder : SUFFIX.matcher(folder).replaceFirst("$1");
  }

  /** The training seed of seed {@code k} of a run configured with {@code base}. */
  public static long seed(Settings base, int k) {
    return base.training().seed() + k - 1;
  }

  /** The settings lines seed {@code k} adds to the run's: none for seed 1. */
  public static List<String> overrides(Settings base, int k) {
    return k == 1 ? List.of() : List.of("training.seed = " + seed(base, k));
  }
}
