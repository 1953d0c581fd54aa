package ssm.train;

import java.util.SplittableRandom;
import ssm.data.BadItems;
import ssm.data.LazyDataset;

/**
 * The order of one epoch, derived from (seed, stage, epoch) alone so that a resumed run replays it
 * exactly (docs/explanation/model.md#52-protocol): Stage I visits every segmentation slice once,
 * shuffled; Stage II visits every classification slice once, shuffled (or draws as many balanced:
 * {@link TrainingData#classificationCells}), and draws a random segmentation slice for each.
 */
public final class EpochPlan implements LazyDataset<StepInput> {
  private final TrainingData data;
  private final int stage;
  private final int[] order;
  private final int[] segmentationDraws;

  public EpochPlan(TrainingData data, long seed, int stage, int epoch) {
    this.data = data;
    this.stage = stage;
    SplittableRandom random = new SplittableRandom(seed * 1_000_003L + stage * 10_007L + epoch);
    int n = stage == 1 ? data.segmentation().size() : data.classification().size();
    order =
        stage == 2 && data.classificationCells() != null
            ? data.classificationCells().draws(n, random)
            : permutation(n, random);
    segmentationDraws = new int[n];
    if (stage == 2) {
      for (int i = 0; i < n; i++) {
        segmentationDraws[i] = random.nextInt(data.segmentation().size());
      }
    }
  }

  private static int[] permutation(int n, SplittableRandom random) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  /** Steps in this epoch. */
  @Override
  public int size() {
    return order.length;
  }

  @Override
  public String id(int position) {
    return stage == 1
        ? data.segmentation().id(order[position])
        : data.classification().id(order[position]);
  }

  @Override
  public StepInput load(int position) {
    if (stage == 1) {
      return new StepInput(position, data.segmentation().load(order[position]), null);
    }
    return new StepInput(
        position,
        data.segmentation().load(segmentationDraws[position]),
        data.classification().load(order[position]));
  }

  @Override
  public boolean skipBad() {
    return false; // the underlying readers skip and record their own bad items
  }

  @Override
  public BadItems badItems() {
    return data.segmentation().badItems();
  }
}
