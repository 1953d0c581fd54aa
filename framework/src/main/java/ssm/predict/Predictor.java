package ssm.predict;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import ssm.box.MaskPaster;
import ssm.data.Slice;
import ssm.graph.GraphContext;
import ssm.graph.Sessions;
import ssm.graph.Tensors;
import ssm.io.Weights;
import ssm.metrics.Rle;
import ssm.model.InferenceGraph;
import ssm.model.SsmModel;

/**
 * Runs a trained SSM on slices: one graph and session built once, one {@code Session.run} per
 * slice. Boxes come back in original-image pixels and masks are pasted at the original size, as
 * torchvision's post-processing does.
 */
public final class Predictor implements AutoCloseable {
  private final Graph graph = new Graph();
  private final Session session;
  private final Placeholder<TFloat32> image;
  private final InferenceGraph out;
  private final int maskSize;
  private final float maskThreshold;

  /** Builds {@code model}'s inference graph and loads {@code weights} (safetensors or .pth). */
  public Predictor(SsmModel model, Path weights) throws IOException {
    this(model, weights, true);
  }

  /**
   * A predictor over the initialisers' (random) weights, for benchmarks: the same graph and the
   * same per-slice work as a trained one.
   */
  public static Predictor untrained(SsmModel model) {
    try {
      return new Predictor(model, null, false);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e); // not reached: nothing is read
    }
  }

  private Predictor(SsmModel model, Path weights, boolean load) throws IOException {
    Session s = null;
    try {
      GraphContext g = new GraphContext(graph, 0);
      Ops tf = g.ops();
      image = tf.withName("image").placeholder(TFloat32.class);
      out = model.buildInference(g, image, paddingSeed(tf));
      maskSize = 2 * model.settings().mask().outputSize();
      maskThreshold = model.settings().mask().threshold();
      s = Sessions.create(graph);
      if (load) {
        Weights.load(s, g.parameters(), weights, model.settings().anchors(), false);
      }
      session = s;
    } catch (IOException | RuntimeException e) {
      // Session first: Graph.close waits until every session of the graph is closed, so closing
      // the graph under an open session never returns.
      if (s != null) {
        s.close();
      }
      graph.close();
      throw e;
    }
  }

  /**
   * The stateless seed of the RoI batch's padding permutation: fixed, so that the same slice always
   * gets the same RoI batch (and the same class), here and in {@link SavedModelExport}.
   */
  static Operand<TInt64> paddingSeed(Ops tf) {
    return tf.constant(new long[] {20201, 0});
  }

  /**
   * The Session.run of {@link #predict} for {@code slice}, without the Java-side post-processing
   * (mask pasting, RLE): what the graph costs. The caller closes the result.
   */
  public Result runGraph(Slice slice, RunOptions options) {
    try (TFloat32 in = Tensors.floats(slice.pixels(), slice.height(), slice.width(), 3)) {
      Session.Runner runner = runner(in, false);
      if (options == null) {
        return runner.run();
      }
      return runner.setOptions(options).runAndFetchMetadata();
    }
  }

  private Session.Runner runner(TFloat32 in, boolean debug) {
    Session.Runner runner =
        session
            .runner()
            .feed(image, in)
            .fetch(out.classLogits())
            .fetch(out.classProbabilities())
            .fetch(out.detections().boxes())
            .fetch(out.detections().scores())
            .fetch(out.maskProbabilities());
    if (debug) {
      runner
          .fetch(out.proposals().boxes())
          .fetch(out.proposals().logits())
          .fetch(out.roiBatch().rows())
          .fetch(out.featureMean());
    }
    return runner;
  }

  /** The prediction for {@code slice} (already resized by the data layer). */
  public Prediction predict(Slice slice, boolean debug) {
    try (TFloat32 in = Tensors.floats(slice.pixels(), slice.height(), slice.width(), 3)) {
      Session.Runner runner = runner(in, debug);
      try (Result r = runner.run()) {
        float[] boxes = Tensors.toFloats(r.get(2));
        float[] scores = Tensors.toFloats(r.get(3));
        float[] masks = Tensors.toFloats(r.get(4));
        Prediction.Debug extra =
            debug
                ? new Prediction.Debug(
                    Tensors.toFloats(r.get(5)),
                    Tensors.toFloats(r.get(6)),
                    Tensors.toFloats(r.get(7)),
                    Tensors.toFloats(r.get(8)))
                : null;
        return new Prediction(
            slice.id(),
            slice.originalHeight(),
            slice.originalWidth(),
            Tensors.toFloats(r.get(0)),
            Tensors.toFloats(r.get(1)),
            lesions(slice, boxes, scores, masks),
            extra);
      }
    }
  }

  private List<Lesion> lesions(Slice slice, float[] boxes, float[] scores, float[] masks) {
    int h = slice.originalHeight();
    int w = slice.originalWidth();
    int cells = maskSize * maskSize;
    List<Lesion> lesions = new ArrayList<>(scores.length);
    for (int i = 0; i < scores.length; i++) {
      float[] box = {
        boxes[4 * i] / slice.scaleX(),
        boxes[4 * i + 1] / slice.scaleY(),
        boxes[4 * i + 2] / slice.scaleX(),
        boxes[4 * i + 3] / slice.scaleY()
      };
      float[] probs = Arrays.copyOfRange(masks, i * cells, (i + 1) * cells);
      // Only the pasted box's window: the same RLE as pasting into a full-size image (MaskPaster
      // .paste + Rle.fromProbabilities), without allocating and scanning H x W per lesion.
      MaskPaster.Window win = MaskPaster.pasteWindow(probs, maskSize, box, h, w);
      lesions.add(
          new Lesion(
              box,
              scores[i],
              Rle.fromWindowProbabilities(
                  win.values(),
                  win.x0(),
                  win.y0(),
                  win.width(),
                  win.height(),
                  h,
                  w,
                  maskThreshold)));
    }
    return lesions;
  }

  /** The graph, e.g. for export or for the TensorBoard Graphs tab. */
  public Graph graph() {
    return graph;
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
