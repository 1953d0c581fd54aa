package ssm.eval;

import com.fasterxml.jackson.annotation.JsonProperty;
import ssm.data.SliceCollection;
import ssm.util.Check;

/**
 * One classification slice's outcome, kept so that two runs evaluated on the same slices can be
 * compared slice by slice later (ssm.slices).
 *
 * @param slice the file name the slice came from
 * @param collection the slice's collection ({@link ssm.data.SliceCollection}: a split file's
 *     seventh column, else its file name's)
 * @param trueClass the class index of the ground truth
 * @param predictedClass the class the model called
 * @param probabilities the model's class probabilities, class index order
 */
public record ClassifiedSlice(
    String slice,
    String collection,
    @JsonProperty("true_class") int trueClass,
    @JsonProperty("predicted_class") int predictedClass,
    double[] probabilities) {
  public ClassifiedSlice {
    Check.that(slice != null && !slice.isEmpty(), "a classified slice needs its file name");
    Check.that(
        collection != null && !collection.isEmpty(),
        "%s: a classified slice needs its collection",
        slice);
    Check.that(
        probabilities != null && probabilities.length > 0, "%s: no class probabilities", slice);
    Check.that(
        trueClass >= 0 && trueClass < probabilities.length,
        "%s: true class %d is not one of the %d classes",
        slice,
        trueClass,
        probabilities.length);
    Check.that(
        predictedClass >= 0 && predictedClass < probabilities.length,
        "%s: predicted class %d is not one of the %d classes",
        slice,
        predictedClass,
        probabilities.length);
  }

  /** A slice of the collection its file name names ({@link SliceCollection#fromFileName}). */
  public ClassifiedSlice(String slice, int trueClass, int predictedClass, double[] probabilities) {
    this(slice, SliceCollection.fromFileName(slice), trueClass, predictedClass, probabilities);
  }

  public boolean right() {
    return trueClass == predictedClass;
  }
}
