package ssm.predict;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.types.TFloat32;
import ssm.data.ClassificationExample;
import ssm.graph.GraphContext;
import ssm.graph.Sessions;
import ssm.io.Weights;
import ssm.model.InferenceGraph;
import ssm.model.SsmModel;
import ssm.settings.ModelSettings.InputSettings;

/**
 * Writes a trained SSM as a TensorFlow SavedModel (tag {@code serve}) that TensorFlow Serving,
 * Python TensorFlow and {@link SavedModelBundle#load} can run without this project's code. The
 * graph is {@link Predictor}'s inference graph, with the same RoI-padding seed, so the SavedModel
 * gives what {@link Predictor#predict} gives; the variables hold the weights' values.
 *
 * <p>Signature {@value #SIGNATURE} (method {@code tensorflow/serving/predict}):
 *
 * <ul>
 *   <li>input {@value #IMAGE}: float32 [H, W, 3], RGB in [0, 1] (8-bit value / 255, grey replicated
 *       to three channels), ALREADY RESIZED as {@link ssm.data.Resizer} does: short side to {@code
 *       model.input.min-size} (512) unless the long side would exceed {@code max-size} (1024),
 *       bilinear with half-pixel centres. Normalisation and padding are in the graph. The input
 *       stays float and unresized so that the SavedModel is exactly the graph that the parity tests
 *       check against the reference; {@code README.txt} shows the resize.
 *   <li>outputs {@value #CLASS_PROBABILITIES} [3] and {@value #CLASS_LOGITS} [3] (Normal, CP,
 *       COVID-19); {@value #BOXES} [D, 4] lesion boxes {@code x1, y1, x2, y2} in input pixels;
 *       {@value #SCORES} [D] in decreasing order; {@value #MASK_PROBABILITIES} [D, 28, 28] lesion
 *       probabilities in each box's frame, to be pasted into the image with {@link
 *       ssm.box.MaskPaster} (torchvision's {@code paste_masks_in_image}) and thresholded at 0.5.
 * </ul>
 */
public final class SavedModelExport {
  /** The signature key, TensorFlow Serving's default. */
  public static final String SIGNATURE = "serving_default";

  public static final String IMAGE = "image";
  public static final String CLASS_PROBABILITIES = "class_probabilities";
  public static final String CLASS_LOGITS = "class_logits";
  public static final String BOXES = "boxes";
  public static final String SCORES = "scores";
  public static final String MASK_PROBABILITIES = "mask_probabilities";

  private SavedModelExport() {}

  /**
   * Builds {@code model}'s inference graph, loads {@code weights} (safetensors or .pth) and writes
   * the SavedModel and a {@code README.txt} into {@code dir}, which must not exist or be empty.
   *
   * @param modelName what README.txt calls the model, e.g. the variant's name
   * @return the serving signature as written
   */
  public static Signature export(SsmModel model, Path weights, Path dir, String modelName)
      throws IOException {
    if (Files.exists(dir)) {
      try (Stream<Path> entries = Files.list(dir)) {
        if (entries.findAny().isPresent()) {
          throw new IOException(dir + " is not empty; export into a new folder");
        }
      }
    }
    try (Graph graph = new Graph()) {
      GraphContext g = new GraphContext(graph, 0);
      Ops tf = g.ops();
      Placeholder<TFloat32> image =
          tf.withName(IMAGE).placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1, 3)));
      int maskSize = 2 * model.settings().mask().outputSize();
      InferenceGraph out = model.buildInference(g, image, Predictor.paddingSeed(tf));
      Ops named = tf.withSubScope("outputs");
      Signature signature =
          Signature.builder(SIGNATURE)
              .methodName("tensorflow/serving/predict")
              .input(IMAGE, image)
              .output(
                  CLASS_PROBABILITIES,
                  named
                      .withName(CLASS_PROBABILITIES)
                      .squeeze(out.classProbabilities(), Squeeze.axis(0L)))
              .output(CLASS_LOGITS, identity(named, CLASS_LOGITS, out.classLogits()))
              .output(BOXES, identity(named, BOXES, out.detections().boxes()))
              .output(SCORES, identity(named, SCORES, out.detections().scores()))
              .output(
                  MASK_PROBABILITIES,
                  named
                      .withName(MASK_PROBABILITIES)
                      .ensureShape(out.maskProbabilities(), Shape.of(-1, maskSize, maskSize)))
              .build();
      try (Session session = Sessions.create(graph)) {
        Weights.load(session, g.parameters(), weights, model.settings().anchors(), false);
        Files.createDirectories(dir);
        SavedModelBundle.exporter(dir.toString())
            .withSession(session)
            .withSignature(signature)
            .export();
      }
      Files.writeString(
          dir.resolve("README.txt"),
          readme(modelName, model.settings().input(), maskSize),
          StandardCharsets.UTF_8);
      return signature;
    }
  }

  private static Operand<TFloat32> identity(Ops tf, String name, Operand<TFloat32> x) {
    return tf.withName(name).identity(x);
  }

  /** The export folder's README: signature, shapes, classes, and how to call it from Python. */
  static String readme(String modelName, InputSettings input, int maskSize) {
    String classes = String.join(", ", ClassificationExample.CLASS_NAMES);
    return """
        Single-Shot Model (Ter-Sarkisov 2020), %1$s: a TensorFlow SavedModel (tag "serve").
        Lesion instances (ground-glass opacity, consolidation) and the class of one chest-CT slice.

        Signature "%2$s" (method tensorflow/serving/predict)
          input  image               float32 [H, W, 3]  RGB in [0, 1]: 8-bit value / 255, grey
                                     replicated to 3 channels, resized as below
          output class_probabilities float32 [3]        softmax over the classes
                 class_logits        float32 [3]        classes in this order: %3$s
                 boxes               float32 [D, 4]     lesions x1, y1, x2, y2 in input pixels
                 scores              float32 [D]        lesion probabilities, decreasing
                 mask_probabilities  float32 [D, %4$d, %4$d] lesion probability per cell of each box

        Resize before calling (as the training data were): scale by
          s = %5$d / min(H0, W0), or %6$d / max(H0, W0) if that is smaller,
        to floor(H0 * s) x floor(W0 * s), bilinear with half-pixel centres, no antialiasing
        (torch interpolate(mode="bilinear", align_corners=False); tf.image.resize(...,
        "bilinear", antialias=False)). Normalisation and padding are inside the graph.
        Boxes are in the resized image's pixels: divide x by W/W0 and y by H/H0 for the original.
        %7$s
        Masks are in box frames. To paste mask i (torchvision's paste_masks_in_image, Java:
        ssm.box.MaskPaster): pad the %4$dx%4$d map with one zero cell on each side; enlarge the box
        about its centre by (%4$d + 2) / %4$d and truncate to ints x1, y1, x2, y2; resize the padded
        map bilinearly (half-pixel centres) to (y2 - y1 + 1) x (x2 - x1 + 1); copy the part inside
        the image to rows y1..y2, columns x1..x2; threshold at 0.5.

        Python (TensorFlow 2):
          import numpy as np, tensorflow as tf
          from PIL import Image
          f = tf.saved_model.load("THIS_FOLDER").signatures["%2$s"]
          x = np.asarray(Image.open("slice.png").convert("RGB"), np.float32) / 255.0
          out = f(image=tf.constant(x))          # a 512x512 slice needs no resize
          print(out["class_probabilities"].numpy(), out["boxes"].numpy(), out["scores"].numpy())

        TensorFlow Serving: copy this folder to MODEL_BASE/ssm/1/, run
          tensorflow_model_server --rest_api_port=8501 --model_name=ssm --model_base_path=MODEL_BASE/ssm
        and POST the unbatched image in the "inputs" (columnar) form, as the signature has no batch
        axis: {"inputs": {"image": [[[r, g, b], ...], ...]}} to
          http://localhost:8501/v1/models/ssm:predict

        Java: SavedModelBundle.load(folder, "serve").function("%2$s").call(Map.of("image", t)).
        """
        .formatted(
            modelName,
            SIGNATURE,
            classes,
            maskSize,
            input.minSize(),
            input.maxSize(),
            lesionResize(input));
  }

  /** Where model.input.detection-test-min-size is set: the lesions' own resize. */
  private static String lesionResize(InputSettings input) {
    if (!input.detectsAtOwnSize()) {
      return "";
    }
    return "\n"
        + """
        Lesions were measured with a second call on the slice resized with %d and %d in place of
        %d and %d (model.input.detection-test-min-size): take boxes, scores and masks from that
        call and the class from the call above.
        """
            .formatted(
                input.detectionMinSize(),
                input.detectionMaxSize(),
                input.minSize(),
                input.maxSize());
  }
}
