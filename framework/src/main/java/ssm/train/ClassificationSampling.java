package ssm.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * How Stage II draws its classification slices ({@code data.classification-sampling}): {@code
 * uniform}, every slice once per epoch in a shuffled order (the paper's); or {@code
 * collection-balanced}, each step first draws one of the (collection, class) cells of the training
 * slices with equal probability, then the cell's next slice in a shuffled order that is reshuffled
 * when the cell is used up. An epoch keeps as many steps as there are slices. In a collection that
 * holds both classes the two are then drawn equally often, so that the collection a slice comes
 * from does not tell its class (shortcut learning: DeGrave et al., Nat. Mach. Intell. 2021). The
 * share of each class then follows how many cells it has (three COVID-19 cells against two Normal
 * ones: 60% COVID-19), which moves S's threshold; {@code class-balanced} draws a class first, with
 * equal probability, then one of its collections with equal probability, so that every class keeps
 * an equal share and, within a class, every collection.
 */
public enum ClassificationSampling {
  UNIFORM("uniform"),
  COLLECTION_BALANCED("collection-balanced"),
  CLASS_BALANCED("class-balanced");

  private final String key;

  ClassificationSampling(String key) {
    this.key = key;
  }

  /** The setting's value. */
  public String key() {
    return key;
  }

  /** The sampling named {@code value}; a clear error names the setting and the accepted values. */
  public static ClassificationSampling parse(String value) {
    for (ClassificationSampling s : values()) {
      if (s.key.equals(value)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        String.format(
            Locale.ROOT,
            "data.classification-sampling = '%s' is not one of uniform, collection-balanced,"
                + " class-balanced",
            value));
  }

  /**
   * The cells Stage II draws from, given each slice's collection and class label; null for {@code
   * uniform} (every slice once per epoch).
   */
  public BalancedCells cells(List<String> collections, List<String> labels) {
    List<String> cells = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      cells.add(collections.get(i) + "/" + labels.get(i));
    }
    return switch (this) {
      case UNIFORM -> null;
      case COLLECTION_BALANCED -> BalancedCells.of(Collections.nCopies(cells.size(), ""), cells);
      case CLASS_BALANCED -> BalancedCells.of(labels, cells);
    };
  }
}
