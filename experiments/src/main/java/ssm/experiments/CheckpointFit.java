package ssm.experiments;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ssm.settings.Regime;
import ssm.settings.Variant;

/**
 * Which variant a checkpoint's tensors fit, read from their names: the ResNet depth from the blocks
 * of {@code layer1} (2 in ResNet18, 3 in ResNet34), the stages kept from the highest {@code
 * layerN}, two RoI branches from {@code roi_heads.box_head_s2}; then, against that variant's own
 * parameters, the tensors it lacks and those it does not expect (or of another shape). BatchNorm's
 * {@code num_batches_tracked} counters are not compared: the model here has none.
 *
 * @param variant the variant that fits: scratch for two branches (frozen has the same tensors),
 *     shared for one
 */
public record CheckpointFit(Variant variant, List<String> lacking, List<String> unexpected) {
  private static final Pattern LAYER_BLOCK =
      Pattern.compile("backbone\\.body\\.layer(\\d)\\.(\\d+)\\..*");

  /** The variant the names suggest (ResNet18, 2 stages, one branch when they say nothing). */
  public static Variant detect(Iterable<String> names) {
    int stages = 0;
    int layerOneBlocks = 0;
    boolean twoBranches = false;
    for (String n : names) {
      Matcher m = LAYER_BLOCK.matcher(n);
      if (m.matches()) {
        int layer = Integer.parseInt(m.group(1));
        stages = Math.max(stages, layer); // layer1..layer{blocks}
        if (layer == 1) {
          layerOneBlocks = Math.max(layerOneBlocks, Integer.parseInt(m.group(2)) + 1);
        }
      }
      twoBranches |= n.startsWith("roi_heads.box_head_s2.");
    }
    int depth = layerOneBlocks >= 3 ? 34 : 18;
    int blocks = stages >= 3 ? 3 : 2;
    return new Variant(twoBranches ? Regime.SCRATCH : Regime.SHARED, depth, blocks);
  }

  /** Compares {@code tensors} (name to shape) with what {@code variant}'s model has. */
  public static CheckpointFit compare(
      Variant variant, Map<String, long[]> expected, Map<String, long[]> tensors) {
    TreeSet<String> lacking = new TreeSet<>();
    TreeSet<String> unexpected = new TreeSet<>();
    expected.forEach(
        (name, shape) -> {
          long[] got = tensors.get(name);
          if (got == null) {
            lacking.add(name + " " + Arrays.toString(shape));
          } else if (!Arrays.equals(got, shape)) {
            unexpected.add(
                name
                    + " is "
                    + Arrays.toString(got)
                    + ", the variant needs "
                    + Arrays.toString(shape));
          }
        });
    tensors.forEach(
        (name, shape) -> {
          if (!expected.containsKey(name) && !name.endsWith("num_batches_tracked")) {
            unexpected.add(name + " " + Arrays.toString(shape));
          }
        });
    return new CheckpointFit(variant, List.copyOf(lacking), List.copyOf(unexpected));
  }

  public boolean exact() {
    return lacking.isEmpty() && unexpected.isEmpty();
  }
}
