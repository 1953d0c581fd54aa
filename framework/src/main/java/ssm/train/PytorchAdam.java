package ssm.train;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Assign;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.PlaceholderWithDefault;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import ssm.graph.Parameter;
import ssm.util.Check;

/**
 * Adam with PyTorch's semantics ({@code torch.optim.Adam}, single-tensor path, {@code
 * amsgrad=False}) as graph ops. Per parameter w with gradient g, after {@code t += 1}:
 *
 * <pre>
 *   g' = g + weightDecay * w                       (L2 added to the gradient, not AdamW)
 *   m  = beta1 * m + (1 - beta1) * g'
 *   v  = beta2 * v + (1 - beta2) * g' * g'         (mul, never Square: its gradient crashes TF Java)
 *   stepSize = lr / (1 - beta1^t)                   (float64, as PyTorch's Python scalars)
 *   denom = sqrt(v) / sqrt(1 - beta2^t) + eps
 *   w  = w - stepSize * m / denom
 * </pre>
 *
 * which is {@code w -= lr * m_hat / (sqrt(v_hat) + eps)}, computed in PyTorch's order.
 *
 * <p>State is per parameter, as PyTorch's {@code state[p]}: {@code m}, {@code v} and the step count
 * {@code t}. A separate step per parameter is the faithful choice: PyTorch advances {@code
 * state['step']} only for parameters that received a gradient, and several optimizers over
 * overlapping parameter sets (segmentation and classification steps) each keep their own. Each
 * optimizer instance has a name; its slot variables live under {@code optimizer/<name>/} and are
 * exposed by {@link #slots()} as {@code <param name>.adam_m}, {@code .adam_v}, {@code .adam_step}
 * (all float32; the step is a float32 scalar as in PyTorch >= 1.12, exact to 2^24 steps), each with
 * a feed placeholder and a load op, so a checkpoint can save and restore them. All slots start at 0
 * (the session's initialisers).
 *
 * <p>Rounding: the moments use {@code beta * m + (1 - beta) * g}, the older PyTorch form; PyTorch
 * 2.x writes the first moment as {@code m.lerp_(g, 1 - beta1)}, equal up to float32 rounding.
 *
 * <p>The learning rate is a float64 scalar placeholder with a default ({@link #learningRate()}), so
 * a schedule can feed another value in any run.
 */
public final class PytorchAdam {
  private final Ops scope;
  private final String name;
  private final double weightDecay;
  private final double beta1;
  private final double beta2;
  private final double eps;
  private final PlaceholderWithDefault<TFloat64> learningRate;
  private final Map<String, Slot> slots = new LinkedHashMap<>();

  /**
   * One optimizer state tensor of one parameter, with the placeholder and assign op through which a
   * checkpoint restores it (as {@link Parameter#feed} / {@link Parameter#load}).
   *
   * @param name {@code <param name>.adam_m}, {@code .adam_v} or {@code .adam_step}
   */
  public record Slot(
      String name,
      Variable<TFloat32> variable,
      Placeholder<TFloat32> feed,
      Assign<TFloat32> load) {}

  /** A trainable tensor and its gradient; a null gradient means none (left untouched). */
  public record ParameterGradient(
      String name, Variable<TFloat32> variable, Operand<TFloat32> gradient) {}

  /** Betas (0.9, 0.999), eps 1e-8. */
  public PytorchAdam(Ops root, String name, double learningRate, double weightDecay) {
    this(root, name, learningRate, weightDecay, 0.9, 0.999, 1e-8);
  }

  /**
   * @param root ops without name scope or control dependencies
   * @param name distinguishes optimizers of one graph ({@code segmentation}, {@code
   *     classification}); slot variables live under {@code optimizer/<name>/}
   */
  public PytorchAdam(
      Ops root,
      String name,
      double learningRate,
      double weightDecay,
      double beta1,
      double beta2,
      double eps) {
    Check.that(learningRate >= 0, "Adam learning rate %s is negative", learningRate);
    Check.that(weightDecay >= 0, "Adam weight decay %s is negative", weightDecay);
    Check.that(
        beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1,
        "Adam betas (%s, %s) must lie in [0, 1)",
        beta1,
        beta2);
    Check.that(eps >= 0, "Adam eps %s is negative", eps);
    this.scope = root.withSubScope("optimizer").withSubScope(name);
    this.name = name;
    this.weightDecay = weightDecay;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    this.learningRate =
        scope
            .withName("learning_rate")
            .placeholderWithDefault(scope.constant(learningRate), Shape.scalar());
  }

  public String name() {
    return name;
  }

  /** The learning rate, a float64 scalar; feed a {@code TFloat64} to override the default. */
  public Operand<TFloat64> learningRate() {
    return learningRate;
  }

  /**
   * Gradients of {@code loss} with respect to {@code parameters} (Graph.addGradients), paired for
   * {@link #update}. A parameter the loss does not reach through differentiable data edges (not at
   * all, or only through StopGradient) gets a null gradient, as PyTorch leaves its {@code .grad}
   * None; TF's addGradients would reject it ("unreachable from the output node").
   */
  public static List<ParameterGradient> gradients(
      Graph graph, Operand<TFloat32> loss, List<Parameter> parameters) {
    Set<GraphOperation> upstream = differentiableUpstream((GraphOperation) loss.op());
    List<Parameter> reached =
        parameters.stream().filter(p -> upstream.contains(p.variable().op())).toList();
    Map<String, Operand<TFloat32>> byName = new HashMap<>();
    if (!reached.isEmpty()) {
      Output<?>[] xs = new Output<?>[reached.size()];
      for (int i = 0; i < xs.length; i++) {
        xs[i] = reached.get(i).variable().asOutput();
      }
      Output<?>[] dy = graph.addGradients(loss.asOutput(), xs);
      for (int i = 0; i < xs.length; i++) {
        if (dy[i] != null && dy[i].op() != null) {
          @SuppressWarnings("unchecked")
          Output<TFloat32> g = (Output<TFloat32>) dy[i];
          byName.put(reached.get(i).name(), g);
        }
      }
    }
    List<ParameterGradient> out = new ArrayList<>();
    for (Parameter p : parameters) {
      out.add(new ParameterGradient(p.name(), p.variable(), byName.get(p.name())));
    }
    return out;
  }

  /** Ops whose outputs {@code root} reads through data edges, not crossing StopGradient. */
  private static Set<GraphOperation> differentiableUpstream(GraphOperation root) {
    // Only floating-point edges carry gradients: a path through an integer or boolean tensor
    // (Shape, Size, TopK or NMS indices, comparisons) reaches an op structurally, but TF's
    // AddGradients then returns a null handle for it.
    Set<GraphOperation> seen = new HashSet<>();
    Deque<GraphOperation> todo = new ArrayDeque<>(List.of(root));
    while (!todo.isEmpty()) {
      GraphOperation op = todo.pop();
      if (!seen.add(op)
          || op.type().equals("StopGradient")
          || op.type().equals("PreventGradient")) {
        continue;
      }
      for (int i = 0; i < op.numInputs(); i++) {
        org.tensorflow.Output<?> in = op.input(i);
        if (isFloating(in.dataType())) {
          todo.push((GraphOperation) in.op());
        }
      }
    }
    return seen;
  }

  private static boolean isFloating(org.tensorflow.proto.DataType type) {
    return switch (type) {
      case DT_FLOAT, DT_DOUBLE, DT_HALF, DT_BFLOAT16, DT_FLOAT_REF, DT_DOUBLE_REF -> true;
      default -> false;
    };
  }

  /**
   * One Adam step over {@code pairs}: a single op that, when run, writes every parameter that has a
   * gradient and its slots. Parameters with a null gradient are skipped (no slot is created for
   * them, their step does not advance). No variable is written before every new value (and every
   * operand in {@code before}, e.g. the losses fetched in the same run) has been computed, so all
   * gradients read the pre-step weights.
   */
  public Op update(List<ParameterGradient> pairs, Operand<?>... before) {
    Ops t = scope.withSubScope("update");
    List<Op> computed = new ArrayList<>(List.of(before));
    List<Write> writes = new ArrayList<>();
    List<ParameterGradient> stepped =
        pairs.stream().filter(pair -> pair.gradient() != null).toList();
    if (stepped.isEmpty()) {
      return t.withControlDependencies(computed).withName("step").noOp();
    }
    // The scalar part (step count, bias corrections) of all parameters at once, on the vector of
    // their step counts: the same float32/float64 ops as per parameter, ~10 kernels instead of
    // ~12 per parameter (each kernel launch costs tens of microseconds on a small CPU).
    List<Operand<TFloat32>> steps = new ArrayList<>();
    for (ParameterGradient pair : stepped) {
      slot(pair.name(), "adam_m", pair.variable().shape()); // slots in m, v, step order
      slot(pair.name(), "adam_v", pair.variable().shape());
      steps.add(slot(pair.name(), "adam_step", Shape.scalar()));
    }
    Operand<TFloat32> newSteps = t.math.add(t.stack(steps), t.constant(1f));
    Operand<TFloat64> t64 = t.dtypes.cast(newSteps, TFloat64.class);
    Operand<TFloat64> one = t.constant(1.0);
    Operand<TFloat64> bias1 = t.math.sub(one, t.math.pow(t.constant(beta1), t64));
    Operand<TFloat64> bias2Sqrt = t.math.sqrt(t.math.sub(one, t.math.pow(t.constant(beta2), t64)));
    List<Output<TFloat32>> stepSizes =
        unstack(t, t.dtypes.cast(t.math.div(learningRate, bias1), TFloat32.class), stepped.size());
    List<Output<TFloat32>> bias2Sqrts =
        unstack(t, t.dtypes.cast(bias2Sqrt, TFloat32.class), stepped.size());
    List<Output<TFloat32>> newStepList = unstack(t, newSteps, stepped.size());
    Operand<TFloat32> weightDecay32 = t.constant((float) weightDecay);
    Operand<TFloat32> beta1_32 = t.constant((float) beta1);
    Operand<TFloat32> oneMinusBeta1 = t.constant((float) (1 - beta1));
    Operand<TFloat32> beta2_32 = t.constant((float) beta2);
    Operand<TFloat32> oneMinusBeta2 = t.constant((float) (1 - beta2));
    Operand<TFloat32> eps32 = t.constant((float) eps);
    for (int i = 0; i < stepped.size(); i++) {
      ParameterGradient pair = stepped.get(i);
      Variable<TFloat32> w = pair.variable();
      Variable<TFloat32> m = slot(pair.name(), "adam_m", w.shape());
      Variable<TFloat32> v = slot(pair.name(), "adam_v", w.shape());
      Variable<TFloat32> step = slot(pair.name(), "adam_step", Shape.scalar());
      // No sub-scope (nor tf.zeros, which opens one) per parameter: TF Java's withSubScope scans
      // every op of the graph, which made building this update O(parameters x graph size).
      Ops p = t;
      Operand<TFloat32> g = pair.gradient();
      if (weightDecay != 0) {
        g = p.math.add(g, p.math.mul(weightDecay32, w));
      }
      Operand<TFloat32> newStep = newStepList.get(i);
      Operand<TFloat32> newM = p.math.add(p.math.mul(beta1_32, m), p.math.mul(oneMinusBeta1, g));
      Operand<TFloat32> newV =
          p.math.add(p.math.mul(beta2_32, v), p.math.mul(oneMinusBeta2, p.math.mul(g, g)));
      Operand<TFloat32> denom = p.math.add(p.math.div(p.math.sqrt(newV), bias2Sqrts.get(i)), eps32);
      Operand<TFloat32> newW = p.math.sub(w, p.math.mul(stepSizes.get(i), p.math.div(newM, denom)));
      computed.addAll(List.of(newStep, newM, newV, newW));
      writes.add(new Write(p, w, newW));
      writes.add(new Write(p, m, newM));
      writes.add(new Write(p, v, newV));
      writes.add(new Write(p, step, newStep));
    }
    // Variables are reference-typed: without this barrier an assign could overwrite a weight that
    // another parameter's gradient (or a fetched loss) has yet to read.
    // One barrier op keeps the control edges linear in the number of parameters.
    Op barrier = t.withControlDependencies(computed).withName("values_ready").noOp();
    List<Op> assigns = new ArrayList<>();
    for (Write write : writes) {
      assigns.add(
          write
              .ops()
              .withControlDependencies(List.of(barrier))
              .assign(write.variable(), write.value()));
    }
    return t.withControlDependencies(assigns).withName("step").noOp();
  }

  private static List<Output<TFloat32>> unstack(Ops t, Operand<TFloat32> vector, int n) {
    return t.unstack(vector, (long) n).output();
  }

  private record Write(Ops ops, Variable<TFloat32> variable, Operand<TFloat32> value) {}

  /**
   * Slot variables by {@code <param name>.adam_m|adam_v|adam_step}, in creation order (created by
   * {@link #update}, only for parameters that had a gradient).
   */
  public Map<String, Slot> slots() {
    return Collections.unmodifiableMap(slots);
  }

  private Variable<TFloat32> slot(String param, String kind, Shape shape) {
    String key = param + "." + kind;
    return slots
        .computeIfAbsent(
            key,
            k -> {
              Variable<TFloat32> v =
                  scope
                      .withName(k)
                      .variable(scope.fill(scope.constant(shape.asArray()), scope.constant(0f)));
              Placeholder<TFloat32> feed =
                  scope.withName(k + ".feed").placeholder(TFloat32.class, Placeholder.shape(shape));
              return new Slot(k, v, feed, scope.withName(k + ".load").assign(v, feed));
            })
        .variable();
  }
}
