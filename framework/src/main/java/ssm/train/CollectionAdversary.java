package ssm.train;

import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import ssm.graph.GraphContext;
import ssm.graph.Parameter;
import ssm.layers.Linear;
import ssm.settings.ModelSettings.ClassifierSettings;

/**
 * A collection adversary ({@code training.collection-adversary-weight}; not the paper's): a small
 * network that tells a classification slice's collection from S's last hidden layer and the slice's
 * class. Each classification step trains it to tell the collection ({@link #loss}) and, in the same
 * step, S to leave it unsure: S's loss gains the adversary's cross-entropy against equal odds for
 * every collection that holds the slice's class ({@link #confusion}; the domain confusion of Tzeng
 * et al., ICCV 2015, within each class), so that within a class S's evidence stops telling one
 * collection from another (shortcut learning: DeGrave et al., Nat. Mach. Intell. 2021). Unlike a
 * reversed gradient, which S can satisfy without bound by making the adversary confidently wrong,
 * the confusion is least where the adversary answers what the class alone tells. The class is an
 * input so that the adversary asks only what the class does not already tell: the collections hold
 * the classes in different shares, and an adversary blind to the class would push S to forget the
 * class too. Against equal odds over all collections, S would instead be pushed to make a Normal
 * slice look like one of a collection that holds no Normal slice.
 *
 * <p>Its parameters live in a registry of their own: they are training state, not the model, so
 * they go to a checkpoint's optimizer file and never into a weights file.
 */
public final class CollectionAdversary {
  /** Parameter-name prefix of the adversary. */
  public static final String PREFIX = "adversary.";

  /** The number of the step's slice's collection in {@link #collections()}. */
  public final Placeholder<TInt32> collection;

  /** The adversary's cross-entropy of the slice's collection: what its parameters minimise. */
  public final Operand<TFloat32> loss;

  /**
   * Its cross-entropy against equal odds for the collections that hold the slice's class ({@link
   * CollectionIndex#withinClassOdds}): what S minimises beside its own loss.
   */
  public final Operand<TFloat32> confusion;

  private final CollectionIndex collections;
  private final GraphContext own;

  /**
   * The adversary over {@code sHidden} [1, hidden] (the last hidden layer of S, of settings {@code
   * s}) and {@code label} (the slice's class), in a registry of its own over {@code graph}.
   */
  public CollectionAdversary(
      Graph graph,
      long seed,
      ClassifierSettings s,
      Operand<TFloat32> sHidden,
      Operand<TInt32> label,
      CollectionIndex collections) {
    int k = collections.names().size();
    if (k < 2) {
      throw new IllegalArgumentException(
          "a collection adversary needs classification training slices of at least two"
              + " collections; they are all of "
              + collections.names());
    }
    this.collections = collections;
    own = new GraphContext(graph, seed);
    Ops tf = own.ops().withSubScope("collection_adversary");
    collection =
        tf.withName("collection").placeholder(TInt32.class, Placeholder.shape(Shape.scalar()));
    Operand<TFloat32> x =
        tf.concat(List.of(sHidden, oneHot(tf, label, s.classes())), tf.constant(1));
    x =
        tf.nn.relu(
            Linear.of(PREFIX + "fc_1", s.hidden() + s.classes(), s.hidden()).apply(own, tf, x));
    Operand<TFloat32> logits = Linear.of(PREFIX + "fc_collection", s.hidden(), k).apply(own, tf, x);
    loss = crossEntropy(tf, logits, oneHot(tf, collection, k));
    confusion =
        crossEntropy(
            tf,
            logits,
            tf.gather(
                tf.constant(collections.withinClassOdds()),
                tf.reshape(label, tf.constant(new int[] {1})),
                tf.constant(0)));
  }

  /** [1, n]: 1 at {@code index} (a scalar), 0 elsewhere. */
  private static Operand<TFloat32> oneHot(Ops tf, Operand<TInt32> index, int n) {
    return tf.oneHot(
        tf.reshape(index, tf.constant(new int[] {1})),
        tf.constant(n),
        tf.constant(1f),
        tf.constant(0f));
  }

  /**
   * The cross-entropy of target distribution {@code target} [1, n] under softmax({@code logits} [1,
   * n]): -sum target * log softmax (TF's C++ gradients have none for its fused op).
   */
  static Operand<TFloat32> crossEntropy(
      Ops tf, Operand<TFloat32> logits, Operand<TFloat32> target) {
    return tf.math.neg(
        tf.reduceSum(tf.math.mul(target, tf.nn.logSoftmax(logits)), tf.constant(new int[] {0, 1})));
  }

  /** The collections it tells apart, and each training slice's. */
  public CollectionIndex collections() {
    return collections;
  }

  /** Its trainable parameters, none of which is the model's. */
  public List<Parameter> parameters() {
    return own.parameters().all();
  }
}
