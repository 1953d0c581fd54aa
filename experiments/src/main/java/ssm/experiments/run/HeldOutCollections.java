package ssm.experiments.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import ssm.data.SegmentationFolder;
import ssm.data.SliceCollection;

/**
 * Leave-one-collection-out validation ({@code data.validation-collections}): the validation split
 * of a set takes the named collections' slices whole ({@link SliceCollection}) and training keeps
 * the rest, so that the validation figures show what a check on CT from an unseen source will. A
 * set that holds none of the named collections is split as usual ({@link ValidationSplit}).
 */
public final class HeldOutCollections {
  private final Set<String> names;

  /** The collections {@code names} held out (none: the usual seeded split). */
  public HeldOutCollections(List<String> names) {
    this.names = new TreeSet<>(names);
  }

  /** Whether any collection is held out. */
  public boolean any() {
    return !names.isEmpty();
  }

  /** The held-out collections, in name order. */
  public List<String> names() {
    return List.copyOf(names);
  }

  /** The indices of {@code folder}'s slices of the held-out collections (maybe none). */
  public List<Integer> validation(SegmentationFolder folder) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < folder.size(); i++) {
      if (names.contains(SliceCollection.of(folder, i))) {
        out.add(i);
      }
    }
    return out;
  }

  /** Whether a split file's line belongs to a held-out collection. */
  public boolean heldOut(String splitLine) {
    return names.contains(SliceCollection.ofSplitLine(splitLine));
  }

  /**
   * Checks that every held-out collection was found in the training data and that no set loses all
   * its training slices.
   *
   * @param found the collections of all the training data's sets
   * @param emptySets the sets that would keep no training slice, described ({@code segmentation set
   *     seg/train}); none when all is well
   */
  public void check(Set<String> found, List<String> emptySets) {
    List<String> missing = new ArrayList<>(names);
    missing.removeAll(found);
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          String.format(
              "data.validation-collections names %s, which the training data does not hold; its"
                  + " collections are %s (docs/reference/data.md, \"A slice's collection\")",
              missing, new TreeSet<>(found)));
    }
    if (!emptySets.isEmpty()) {
      throw new IllegalArgumentException(
          String.format(
              "data.validation-collections = %s holds out every slice of the %s: nothing would be"
                  + " left to train on",
              names, String.join(" and the ", emptySets)));
    }
  }
}
