package ssm.report;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The data one part of a report was measured on.
 *
 * @param kind synthetic (the built-in generator) or real
 * @param description the data as table captions name it
 * @param root the generator's output folder (synthetic), else null; relative to the working folder
 *     where it lies below it
 * @param path the part's folder or split file: relative to {@code root} for synthetic data, else as
 *     {@code root} is
 * @param seed the generator's seed (synthetic), else null
 * @param size the generator's slice size in pixels (synthetic), else null
 * @param slices the slices of this part evaluated, or null when unknown
 */
public record DataReference(
    Kind kind,
    String description,
    String root,
    String path,
    Long seed,
    Integer size,
    Integer slices) {

  /** Where the data came from. */
  public enum Kind {
    @JsonProperty("synthetic")
    SYNTHETIC,
    @JsonProperty("real")
    REAL
  }

  public DataReference {
    if (kind == null) {
      throw new IllegalArgumentException("a data reference needs its kind (synthetic or real)");
    }
  }

  public boolean synthetic() {
    return kind == Kind.SYNTHETIC;
  }

  /** The same with the count of slices evaluated. */
  public DataReference withSlices(int n) {
    return new DataReference(kind, description, root, path, seed, size, n);
  }
}
