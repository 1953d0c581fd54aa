package ssm.experiments.compare;

import java.util.List;
import ssm.util.Check;

/**
 * A run of a table (a grid's variant, a sweep's combination) with the per-slice results of each of
 * its seeds, in seed order.
 */
public record SeededRun(String name, List<EvaluatedRun> seeds) {
  public SeededRun {
    Check.that(!seeds.isEmpty(), "%s: no evaluated seed", name);
    seeds = List.copyOf(seeds);
  }
}
