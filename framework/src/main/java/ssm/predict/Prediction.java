package ssm.predict;

import java.util.List;
import ssm.metrics.Rle;

/**
 * The SSM's answer for one slice.
 *
 * @param id the slice's file name
 * @param height original height in pixels
 * @param width original width in pixels
 * @param classLogits S's logits (Normal, CP, COVID-19)
 * @param classProbabilities softmax of the logits
 * @param lesions detections in decreasing score order
 * @param debug RPN proposals and the RoI batch, or null unless asked for
 */
public record Prediction(
    String id,
    int height,
    int width,
    float[] classLogits,
    float[] classProbabilities,
    List<Lesion> lesions,
    Debug debug) {

  /** Index of the most probable class. */
  public int predictedClass() {
    int best = 0;
    for (int c = 1; c < classLogits.length; c++) {
      if (classLogits[c] > classLogits[best]) {
        best = c;
      }
    }
    return best;
  }

  /** These lesions with {@code other}'s class: the same slice, read at another size. */
  public Prediction withClassOf(Prediction other) {
    return new Prediction(
        id, height, width, other.classLogits, other.classProbabilities, lesions, debug);
  }

  /**
   * The lesion area as a fraction of the slice: pixels inside the union of the lesion masks
   * (overlaps counted once) divided by {@code height * width}; 0 without lesions.
   */
  public double lesionAreaFraction() {
    if (lesions.isEmpty()) {
      return 0;
    }
    long union = Rle.merge(lesions.stream().map(Lesion::mask).toList(), false).area();
    return (double) union / ((long) height * width);
  }

  /**
   * Intermediate outputs, in the resized slice's pixels.
   *
   * @param proposals [P * 4] RPN proposals
   * @param proposalLogits [P] their objectness logits
   * @param roiBatch [R * 5] the ranked RoI batch that fed S
   * @param featureMean [C] the feature map averaged over space
   *     (docs/explanation/model.md#27-image-classifier-s)
   */
  public record Debug(
      float[] proposals, float[] proposalLogits, float[] roiBatch, float[] featureMean) {}
}
