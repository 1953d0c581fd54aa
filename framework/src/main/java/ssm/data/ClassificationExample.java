package ssm.data;

/**
 * A classification item: the resized slice and its image class, 0 Normal, 1 CP (common pneumonia),
 * 2 COVID-19 (docs/explanation/model.md#62-classification-covidx-ct).
 */
public record ClassificationExample(String id, Slice image, int label) {
  /** Number of image classes. */
  public static final int CLASSES = 3;

  /** Class names by id. */
  public static final String[] CLASS_NAMES = {"Normal", "CP", "COVID-19"};
}
