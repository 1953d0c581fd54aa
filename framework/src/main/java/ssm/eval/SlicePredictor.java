package ssm.eval;

import ssm.data.Slice;
import ssm.predict.Prediction;

/**
 * What the evaluator needs from a model: the prediction for one slice (resized by the data layer),
 * with boxes and masks at the slice's ORIGINAL size and only the lesions that passed the model's
 * score threshold, masks binarised at 0.5, as {@link ssm.predict.Predictor} returns them. {@code
 * predictor::predict} adapts a Predictor ({@code s -> predictor.predict(s, false)}); a trainer can
 * pass a view of its own session, a test a fake.
 */
@FunctionalInterface
public interface SlicePredictor {
  Prediction predict(Slice slice);
}
