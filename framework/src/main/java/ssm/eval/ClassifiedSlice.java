package ssm.eval;

import com.fasterxml.jackson.annotation.JsonProperty;
import ssm.util.Check;

/**
 * One classification slice's outcome, kept so that two runs evaluated on the same slices can be
 * compared slice by slice later (ssm.slices).
 *
 * @param slice the file name the slice came from
 * @param trueClass the class index of the ground truth
 * @param predictedClass the class the model called
 * @param probabilities the model's class probabilities, class index order
 */
public record ClassifiedSlice(
    String slice,
    @JsonProperty("true_class") int trueClass,
    @JsonProperty("predicted_class") int predictedClass,
    double[] probabilities) {
  public ClassifiedSlice {
    Check.that(slice != null && !slice.isEmpty(), "a classified slice needs its file name");
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

  public boolean right() {
    return trueClass == predictedClass;
  }
}
