package ssm.eval;

import java.util.HashMap;
import java.util.Map;
import ssm.data.Slice;
import ssm.predict.Prediction;

/**
 * A model's predictions, each made once: a slice seen again (same file name, same size) gets the
 * recorded answer, so that the per-collection figures re-read the data without predicting again.
 */
public final class RecordingPredictor implements SlicePredictor {
  private final SlicePredictor model;
  private final Map<String, Prediction> recorded = new HashMap<>();

  public RecordingPredictor(SlicePredictor model) {
    this.model = model;
  }

  @Override
  public Prediction predict(Slice s) {
    // the size is part of the key: a set read at another size is another prediction
    String key = s.id() + "@" + s.width() + "x" + s.height();
    Prediction p = recorded.get(key);
    if (p == null) {
      p = model.predict(s);
      recorded.put(key, p);
    }
    return p;
  }

  /** Slices predicted so far. */
  public int recorded() {
    return recorded.size();
  }
}
