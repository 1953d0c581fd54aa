package ssm.settings;

import com.typesafe.config.Config;
import java.util.List;
import ssm.util.Check;

/**
 * Data settings, HOCON section {@code data}: the built-in synthetic dataset and the readers'
 * options.
 *
 * @param synthetic the generator's options for the built-in dataset
 * @param minLesionArea lesion instances are 8-connected components larger than this (pixels)
 * @param skipBad skip unreadable slices instead of stopping
 * @param augmentFlip train on the segmentation slices and their left-right mirror images ({@link
 *     ssm.data.MirroredSegmentation})
 * @param augmentTurn train on the segmentation slices in all four quarter turns ({@link
 *     ssm.data.QuarterTurnedSegmentation})
 * @param augmentCrops random crops per segmentation slice (with contrast and brightness jitter),
 *     besides the slice itself; 0: none ({@link ssm.data.CroppedSegmentation})
 * @param validationSeed the seed of the validation split cut from the user's training data where it
 *     has none; apart from {@code training.seed}, so that the seeds of {@code --seeds N} (or any
 *     two runs of different training seeds) are validated on the same slices
 * @param validationCollections collections ({@link ssm.data.SliceCollection}) the validation split
 *     takes whole, training keeping the rest (leave-one-collection-out); empty: the usual split
 * @param classificationSampling how Stage II draws classification slices: {@code uniform} (every
 *     slice once per epoch) or {@code collection-balanced} or {@code class-balanced} ({@link
 *     ssm.train.ClassificationSampling})
 */
public record DataSettings(
    Synthetic synthetic,
    int minLesionArea,
    boolean skipBad,
    boolean augmentFlip,
    boolean augmentTurn,
    int augmentCrops,
    long validationSeed,
    List<String> validationCollections,
    String classificationSampling) {
  public DataSettings {
    Check.that(
        List.of("uniform", "collection-balanced", "class-balanced")
            .contains(classificationSampling),
        "data.classification-sampling = '%s' is not one of uniform, collection-balanced,"
            + " class-balanced",
        classificationSampling);
    validationCollections = List.copyOf(validationCollections);
    for (String c : validationCollections) {
      Check.that(
          !c.isBlank() && c.chars().noneMatch(Character::isWhitespace),
          "data.validation-collections: '%s' is not a collection name (one word)",
          c);
    }
    Check.that(
        new java.util.HashSet<>(validationCollections).size() == validationCollections.size(),
        "data.validation-collections = %s names a collection twice",
        validationCollections);
    Check.that(minLesionArea >= 0, "data.min-lesion-area = %s must be >= 0", minLesionArea);
    Check.that(augmentCrops >= 0, "data.augment-crops = %s must be >= 0", augmentCrops);
  }

  /** Section {@code data.synthetic}. */
  public record Synthetic(int seg, int cls, int size, long seed) {
    public Synthetic {
      Check.that(seg >= 10, "data.synthetic.seg = %s must be at least 10", seg);
      Check.that(cls >= 10, "data.synthetic.cls = %s must be at least 10", cls);
      Check.that(size >= 64, "data.synthetic.size = %s must be at least 64", size);
    }

    /** A folder name that identifies these options, e.g. {@code synthetic-512-s1-500x600}. */
    public String folderName() {
      return String.format("synthetic-%d-s%d-%dx%d", size, seed, seg, cls);
    }
  }

  static DataSettings from(Config c) {
    Config s = c.getConfig("synthetic");
    return new DataSettings(
        new Synthetic(s.getInt("seg"), s.getInt("cls"), s.getInt("size"), s.getLong("seed")),
        c.getInt("min-lesion-area"),
        c.getBoolean("skip-bad"),
        c.getBoolean("augment-flip"),
        c.getBoolean("augment-turn"),
        c.getInt("augment-crops"),
        c.getLong("validation-seed"),
        c.getStringList("validation-collections"),
        c.getString("classification-sampling"));
  }
}
