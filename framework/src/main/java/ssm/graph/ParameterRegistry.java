package ssm.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Assign;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * Every parameter and buffer of a model graph, keyed by the reference implementation's PyTorch
 * names. Parameter counts, weight loading and saving, and per-regime freezing all read it.
 *
 * <p>Asking twice for the same name returns the same variable, so a graph can hold two paths over
 * one set of weights (training-mode and inference-mode BatchNorm, say).
 */
public final class ParameterRegistry {
  private final Ops root;
  private final long seed;
  private final Map<String, Parameter> byName = new LinkedHashMap<>();

  /**
   * @param root ops without name scope or control dependencies (variables live under {@code
   *     params/})
   * @param seed base seed of the initialisers; each parameter mixes in its name
   */
  public ParameterRegistry(Ops root, long seed) {
    this.root = root;
    this.seed = seed;
  }

  /** A trainable parameter. */
  public Variable<TFloat32> parameter(
      String name, long[] torchShape, ParameterLayout layout, Init init) {
    return getOrCreate(name, torchShape, layout, 0, true, init).variable();
  }

  /** A trainable linear weight fed by flattened {@code roiChannels} x S x S RoI features. */
  public Variable<TFloat32> roiLinearWeight(
      String name, long[] torchShape, int roiChannels, Init init) {
    return getOrCreate(name, torchShape, ParameterLayout.LINEAR_FROM_NCHW, roiChannels, true, init)
        .variable();
  }

  /** A non-trainable buffer (BatchNorm running statistics). */
  public Variable<TFloat32> buffer(String name, long[] torchShape, Init init) {
    return getOrCreate(name, torchShape, ParameterLayout.IDENTITY, 0, false, init).variable();
  }

  private Parameter getOrCreate(
      String name,
      long[] torchShape,
      ParameterLayout layout,
      int roiChannels,
      boolean trainable,
      Init init) {
    Parameter existing = byName.get(name);
    if (existing != null) {
      if (!Arrays.equals(existing.torchShape(), torchShape) || existing.layout() != layout) {
        throw new IllegalArgumentException(
            "parameter "
                + name
                + " asked for as "
                + Arrays.toString(torchShape)
                + " "
                + layout
                + " but exists as "
                + Arrays.toString(existing.torchShape())
                + " "
                + existing.layout());
      }
      return existing;
    }
    long[] tfShape = layout.tfShape(torchShape);
    Ops scoped = root.withSubScope("params");
    Variable<TFloat32> variable =
        scoped.withName(name).variable(init.build(scoped, tfShape, seed ^ name.hashCode()));
    Placeholder<TFloat32> feed =
        scoped
            .withName(name + ".feed")
            .placeholder(TFloat32.class, Placeholder.shape(Shape.of(tfShape)));
    Assign<TFloat32> load = scoped.withName(name + ".load").assign(variable, feed);
    Parameter p =
        new Parameter(name, torchShape, layout, roiChannels, trainable, variable, feed, load);
    byName.put(name, p);
    return p;
  }

  /** Every parameter and buffer, in creation order. */
  public List<Parameter> all() {
    return Collections.unmodifiableList(new ArrayList<>(byName.values()));
  }

  /** Trainable parameters whose names satisfy {@code filter}, in creation order. */
  public List<Parameter> trainable(Predicate<String> filter) {
    return byName.values().stream().filter(p -> p.trainable() && filter.test(p.name())).toList();
  }

  /** The parameter or buffer called {@code name}. */
  public Parameter get(String name) {
    Parameter p = byName.get(name);
    if (p == null) {
      throw new IllegalArgumentException("no parameter called " + name);
    }
    return p;
  }

  /** Whether a parameter or buffer called {@code name} exists. */
  public boolean contains(String name) {
    return byName.containsKey(name);
  }

  /** Number of trainable scalars whose parameter names satisfy {@code filter}. */
  public long count(Predicate<String> filter) {
    return trainable(filter).stream().mapToLong(Parameter::size).sum();
  }
}
