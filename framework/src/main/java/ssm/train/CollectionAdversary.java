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
 * class, trained in each classification step beside S, while S learns against it through a gradient
 * reversal (Ganin et al., JMLR 2016), so that within a class S's evidence stops telling one
 * collection from another (shortcut learning: DeGrave et al., Nat. Mach. Intell. 2021). The class
 * is an input so that the adversary asks only what the class does not already tell: the collections
 * hold the classes in different shares, and an adversary blind to the class would push S to forget
 * the class too.
 *
 * <p>Its parameters live in a registry of their own: they are training state, not the model, so
 * they go to a checkpoint's optimizer file and never into a weights file.
 */
public final class CollectionAdversary {
  /** Parameter-name prefix of the adversary. */
  public static final String PREFIX = "adversary.";

  /** The number of the step's slice's collection in {@link #collections()}. */
  public final Placeholder<TInt32> collection;

  /** The adversary's cross-entropy of the slice's collection. */
  public final Operand<TFloat32> loss;

  private final CollectionIndex collections;
  private final GraphContext own;

  private CollectionAdversary(
      Graph graph,
      long seed,
      ClassifierSettings s,
      Operand<TFloat32> sHidden,
      Operand<TInt32> label,
      CollectionIndex collections,
      double weight) {
    this.collections = collections;
    own = new GraphContext(graph, seed);
    Ops tf = own.ops().withSubScope("collection_adversary");
    collection =
        tf.withName("collection").placeholder(TInt32.class, Placeholder.shape(Shape.scalar()));
    Operand<TFloat32> reversed = reverseGradient(tf, sHidden, (float) weight);
    Operand<TFloat32> classOneHot =
        tf.reshape(
            tf.oneHot(label, tf.constant(s.classes()), tf.constant(1f), tf.constant(0f)),
            tf.constant(new int[] {1, s.classes()}));
    int hidden = s.hidden();
    Operand<TFloat32> x = tf.concat(List.of(reversed, classOneHot), tf.constant(1));
    x = tf.nn.relu(Linear.of(PREFIX + "fc_1", hidden + s.classes(), hidden).apply(own, tf, x));
    Operand<TFloat32> logits =
        Linear.of(PREFIX + "fc_collection", hidden, collections.names().size()).apply(own, tf, x);
    // -log softmax at the slice's collection (TF's C++ gradients have none for the sparse op)
    Operand<TFloat32> collectionOneHot =
        tf.oneHot(
            tf.reshape(collection, tf.constant(new int[] {1})),
            tf.constant(collections.names().size()),
            tf.constant(1f),
            tf.constant(0f));
    loss =
        tf.math.neg(
            tf.reduceSum(
                tf.math.mul(collectionOneHot, tf.nn.logSoftmax(logits)),
                tf.constant(new int[] {0, 1})));
  }

  /**
   * The adversary over {@code sHidden} [1, hidden] (the last hidden layer of S, of settings {@code
   * s}) and {@code label} (the slice's class), in a registry of its own over {@code graph}; S's
   * gradient from its loss is reversed and scaled by {@code weight}.
   */
  public static CollectionAdversary build(
      Graph graph,
      long seed,
      ClassifierSettings s,
      Operand<TFloat32> sHidden,
      Operand<TInt32> label,
      CollectionIndex collections,
      double weight) {
    if (collections.names().size() < 2) {
      throw new IllegalArgumentException(
          "a collection adversary needs classification training slices of at least two"
              + " collections; they are all of "
              + collections.names());
    }
    return new CollectionAdversary(graph, seed, s, sHidden, label, collections, weight);
  }

  /**
   * {@code x} forward, {@code -weight} times the gradient backward: stopGradient(x) - weight * (x -
   * stopGradient(x)), whose value is exactly x's.
   */
  static Operand<TFloat32> reverseGradient(Ops tf, Operand<TFloat32> x, float weight) {
    Operand<TFloat32> held = tf.stopGradient(x);
    return tf.math.sub(held, tf.math.mul(tf.constant(weight), tf.math.sub(x, held)));
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
