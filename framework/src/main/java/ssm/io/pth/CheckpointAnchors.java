package ssm.io.pth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The anchor sizes and aspect ratios of a checkpoint's pickled {@code anchor_generator} (the
 * author's {@code models.ssm.rpn.AnchorGenerator}, torchvision's layout): one tuple per feature map
 * level. The model here has one level.
 */
public record CheckpointAnchors(List<List<Double>> sizes, List<List<Double>> aspectRatios) {

  /** The anchors of a one-level generator. */
  public static CheckpointAnchors oneLevel(int[] sizes, float[] aspectRatios) {
    List<Double> s = new ArrayList<>();
    for (int v : sizes) {
      s.add((double) v);
    }
    List<Double> r = new ArrayList<>();
    for (float v : aspectRatios) {
      r.add(Double.valueOf(Float.toString(v))); // 0.1f -> 0.1, as the author's tuple has it
    }
    return new CheckpointAnchors(List.of(s), List.of(r));
  }

  /** Whether these are one level with exactly {@code sizes} x {@code aspectRatios}. */
  public boolean matches(int[] sizes, float[] aspectRatios) {
    if (this.sizes.size() != 1
        || this.aspectRatios.size() != 1
        || this.sizes.get(0).size() != sizes.length
        || this.aspectRatios.get(0).size() != aspectRatios.length) {
      return false;
    }
    for (int i = 0; i < sizes.length; i++) {
      if (this.sizes.get(0).get(i) != sizes[i]) {
        return false;
      }
    }
    for (int i = 0; i < aspectRatios.length; i++) {
      if ((float) (double) this.aspectRatios.get(0).get(i) != aspectRatios[i]) {
        return false;
      }
    }
    return true;
  }

  /** Python's notation, e.g. {@code sizes ((2, 4, 8),) aspect_ratios ((0.5, 1.0),)}. */
  @Override
  public String toString() {
    return "sizes " + python(sizes, true) + " aspect_ratios " + python(aspectRatios, false);
  }

  private static String python(List<List<Double>> levels, boolean integers) {
    String inner =
        levels.stream()
            .map(
                l ->
                    "("
                        + l.stream()
                            .map(
                                v ->
                                    integers && v == Math.rint(v)
                                        ? String.valueOf(v.longValue())
                                        : v.toString())
                            .collect(Collectors.joining(", "))
                        + (l.size() == 1 ? ",)" : ")"))
            .collect(Collectors.joining(", "));
    return "(" + inner + (levels.size() == 1 ? ",)" : ")");
  }

  /** Reads {@code sizes} and {@code aspect_ratios} from an unpickled generator object. */
  static CheckpointAnchors of(Object generator, String where) throws PthException {
    if (!(generator instanceof PyObject o) || !(o.state() instanceof Map<?, ?> state)) {
      throw new PthException(
          where
              + ": anchor_generator is "
              + Unpickler.describe(generator)
              + ", not an object with attributes");
    }
    return new CheckpointAnchors(
        levels(state.get("sizes"), where + ": anchor sizes"),
        levels(state.get("aspect_ratios"), where + ": anchor aspect_ratios"));
  }

  /** ((a, b), (c,)) or a flat (a, b), which torchvision reads as one level. */
  private static List<List<Double>> levels(Object value, String what) throws PthException {
    List<Object> outer = items(value, what);
    List<List<Double>> levels = new ArrayList<>();
    boolean flat = !outer.isEmpty() && outer.get(0) instanceof Number;
    for (Object level : flat ? List.of(value) : outer) {
      List<Double> numbers = new ArrayList<>();
      for (Object v : items(level, what)) {
        if (!(v instanceof Long) && !(v instanceof Double)) {
          throw new PthException(what + " hold " + Unpickler.describe(v) + ", not a number");
        }
        numbers.add(((Number) v).doubleValue());
      }
      levels.add(numbers);
    }
    return levels;
  }

  private static List<Object> items(Object value, String what) throws PthException {
    if (value instanceof PyTuple t) {
      return t.items();
    }
    if (value instanceof List<?> l) {
      return new ArrayList<>(l);
    }
    throw new PthException(
        what + " are " + (value == null ? "missing" : Unpickler.describe(value)) + ", not a tuple");
  }
}
