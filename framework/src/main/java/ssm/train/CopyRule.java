package ssm.train;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import ssm.graph.GraphContext;
import ssm.graph.ParameterRegistry;
import ssm.model.SsmModel;
import ssm.settings.Regime;
import ssm.util.Check;

/**
 * How the classification branch gets its weights
 * (docs/explanation/model.md#4-variants-and-regimes): one assign per (segmentation-branch
 * parameter, classification-branch twin) pair, run at the moments the regime names: once when Stage
 * II starts (frozen), or after every Stage II segmentation step whose loss is the lowest so far
 * (scratch). With one branch (shared) there is nothing to copy.
 */
public final class CopyRule {
  /** The classification-branch parameter {@code to} receives the value of {@code from}. */
  public record Pair(String from, String to) {}

  private final Regime regime;
  private final List<Pair> pairs;
  private final Op copy;

  private CopyRule(Regime regime, List<Pair> pairs, Op copy) {
    this.regime = regime;
    this.pairs = List.copyOf(pairs);
    this.copy = copy;
  }

  /** The copy rule of {@code regime} over {@code model}'s parameters in {@code g}. */
  static CopyRule build(GraphContext g, SsmModel model, Regime regime) {
    List<Pair> pairs = pairs(g.parameters(), model);
    Check.that(
        regime.twoBranches() == !pairs.isEmpty(),
        "the %s regime needs %s, but the model " + "has %s",
        regime.configName(),
        regime.twoBranches() ? "two RoI branches" : "one RoI branch",
        pairs.isEmpty() ? "one" : "two");
    if (pairs.isEmpty()) {
      return new CopyRule(regime, pairs, null);
    }
    Ops tf = g.ops().withSubScope("copy_branch");
    List<Op> assigns = new ArrayList<>();
    for (Pair p : pairs) {
      assigns.add(
          tf.assign(
              g.parameters().get(p.to()).variable(), g.parameters().get(p.from()).variable()));
    }
    return new CopyRule(regime, pairs, tf.withControlDependencies(assigns).withName("copy").noOp());
  }

  /**
   * Every classification-branch parameter with its segmentation-branch twin: the two branches have
   * the same layers under different prefixes ({@code box_head_s2.fc6.weight} receives {@code
   * box_head.fc6.weight}).
   */
  private static List<Pair> pairs(ParameterRegistry parameters, SsmModel model) {
    List<String> to = model.classificationSource().ownParameterPrefixes();
    List<String> from = model.segmentationBranch().parameterPrefixes();
    List<Pair> pairs = new ArrayList<>();
    for (var target : parameters.all()) {
      for (int i = 0; i < to.size(); i++) {
        if (target.name().startsWith(to.get(i))) {
          pairs.add(
              new Pair(from.get(i) + target.name().substring(to.get(i).length()), target.name()));
        }
      }
    }
    return pairs;
  }

  /** The (from, to) pairs; empty with one branch. */
  public List<Pair> pairs() {
    return pairs;
  }

  /** Whether there is a classification branch to copy into (frozen and scratch). */
  public boolean twoBranches() {
    return copy != null;
  }

  /** Copies now, whatever the moment (benchmarks, tests); needs {@link #twoBranches()}. */
  public void copy(Session session) {
    Check.that(copy != null, "the %s regime has no branch to copy", regime.configName());
    session.run(copy);
  }

  /**
   * The first moment, the start of Stage II: the frozen regime copies the Stage I branch, which is
   * never updated after. Returns whether it copied.
   */
  public boolean atStageTwoStart(Session session) {
    if (!regime.copiesAtStageTwo()) {
      return false;
    }
    copy(session);
    return true;
  }

  /**
   * The second moment, after a segmentation step: the scratch regime copies in Stage II when the
   * step's loss is the lowest so far. Returns whether it copied.
   */
  public boolean afterSegmentationStep(Session session, int stage, boolean lowestLossSoFar) {
    if (!regime.copiesOnImprovement() || stage != 2 || !lowestLossSoFar) {
      return false;
    }
    copy(session);
    return true;
  }
}
