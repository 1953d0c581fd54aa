package ssm.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.types.TFloat32;
import ssm.classify.SHead;
import ssm.graph.Parameter;
import ssm.graph.ParameterRegistry;
import ssm.graph.Tensors;
import ssm.settings.ModelSettings.AnchorSettings;

/**
 * Loads and saves a model's parameters and buffers as safetensors files keyed by the reference
 * implementation's PyTorch names and layouts. Loading also takes the author's PyTorch checkpoints
 * ({@code .pth}) directly (see {@link WeightsFile}).
 */
public final class Weights {
  private Weights() {}

  /**
   * Assigns every parameter and buffer of {@code registry} from {@code file} (safetensors or .pth;
   * a .pth's anchors are not checked: commands use the overload with anchors). Missing, unexpected
   * or mis-shaped tensors give one error listing them all.
   */
  public static void load(Session session, ParameterRegistry registry, Path file)
      throws IOException {
    load(session, registry, file, null, false);
  }

  /**
   * As {@link #load(Session, ParameterRegistry, Path)}; with {@code ignoreUnexpected}, tensors the
   * model does not have are skipped. A .pth's anchors are not checked.
   */
  public static void load(
      Session session, ParameterRegistry registry, Path file, boolean ignoreUnexpected)
      throws IOException {
    load(session, registry, file, null, ignoreUnexpected);
  }

  /**
   * As {@link #load(Session, ParameterRegistry, Path)}; a PyTorch checkpoint's anchors must be
   * {@code anchors} (the model's settings; null: not checked). With {@code ignoreUnexpected},
   * tensors the model does not have are skipped (e.g. a two-branch checkpoint into a one-branch
   * model).
   */
  public static void load(
      Session session,
      ParameterRegistry registry,
      Path file,
      AnchorSettings anchors,
      boolean ignoreUnexpected)
      throws IOException {
    load(session, registry.all(), file, anchors, n -> ignoreUnexpected && !registry.contains(n));
  }

  /**
   * As {@link #load(Session, ParameterRegistry, Path, AnchorSettings, boolean)} with {@code
   * ignoreUnexpected}, except that parameters whose names satisfy {@code keep} keep their current
   * values: the file's tensors of those names are skipped, whatever their shape, and may be absent.
   */
  public static void loadExcept(
      Session session,
      ParameterRegistry registry,
      Path file,
      AnchorSettings anchors,
      Predicate<String> keep)
      throws IOException {
    List<Parameter> loaded = registry.all().stream().filter(p -> !keep.test(p.name())).toList();
    load(session, loaded, file, anchors, n -> keep.test(n) || !registry.contains(n));
  }

  /** Assigns {@code params} from {@code file}, its tensors named by {@code skipped} left out. */
  private static void load(
      Session session,
      List<Parameter> params,
      Path file,
      AnchorSettings anchors,
      Predicate<String> skipped)
      throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "no such weights file");
    }
    WeightsFile read = WeightsFile.read(file);
    if (anchors != null) {
      checkAnchors(read, anchors, file);
    }
    Map<String, Safetensors.Entry> tensors = read.tensors();
    tensors.keySet().removeIf(skipped);
    check(params, tensors, file);
    List<Tensor> fed = new ArrayList<>();
    try {
      Session.Runner runner = session.runner();
      for (Parameter p : params) {
        Safetensors.Entry e = tensors.get(p.name());
        float[] tf = p.layout().toTf(e.data(), p.torchShape(), p.roiChannels());
        TFloat32 t = Tensors.floats(tf, p.tfShape());
        fed.add(t);
        runner.feed(p.feed(), t).addTarget(p.load());
      }
      runner.run().close();
    } finally {
      fed.forEach(Tensor::close);
    }
  }

  /** Writes every parameter and buffer of {@code registry} to {@code file} (atomic). */
  public static void save(
      Session session, ParameterRegistry registry, Path file, Map<String, String> metadata)
      throws IOException {
    Session.Runner runner = session.runner();
    List<Parameter> all = registry.all();
    all.forEach(p -> runner.fetch(p.variable()));
    Map<String, Safetensors.Entry> out = new LinkedHashMap<>();
    try (Result r = runner.run()) {
      for (int i = 0; i < all.size(); i++) {
        Parameter p = all.get(i);
        float[] torch =
            p.layout().toTorch(Tensors.toFloats(r.get(i)), p.torchShape(), p.roiChannels());
        out.put(p.name(), new Safetensors.Entry(p.torchShape(), torch));
      }
    }
    Safetensors.write(file, out, metadata);
  }

  /** A checkpoint trained with other anchors would load but predict nonsense: refuse it. */
  public static void checkAnchors(WeightsFile read, AnchorSettings anchors, Path file)
      throws IOException {
    if (read.anchors().isPresent()
        && !read.anchors().get().matches(anchors.sizes(), anchors.aspectRatios())) {
      throw new IOException(
          file
              + ": its anchor_generator has "
              + read.anchors().get()
              + " but the settings have model.anchors.sizes = "
              + Arrays.toString(anchors.sizes())
              + ", model.anchors.aspect-ratios = "
              + Arrays.toString(anchors.aspectRatios())
              + "; choose the settings the checkpoint was trained with");
    }
  }

  private static void check(
      List<Parameter> params, Map<String, Safetensors.Entry> tensors, Path file)
      throws IOException {
    List<String> problems = new ArrayList<>();
    TreeSet<String> unexpected = new TreeSet<>(tensors.keySet());
    for (Parameter p : params) {
      Safetensors.Entry e = tensors.get(p.name());
      unexpected.remove(p.name());
      if (e == null) {
        problems.add("missing: " + p.name() + " " + Arrays.toString(p.torchShape()));
      } else if (!Arrays.equals(e.shape(), p.torchShape())) {
        problems.add(
            "wrong shape: "
                + p.name()
                + " is "
                + Arrays.toString(e.shape())
                + ", the model needs "
                + Arrays.toString(p.torchShape()));
      }
    }
    unexpected.forEach(
        n -> problems.add("unexpected: " + n + " " + Arrays.toString(tensors.get(n).shape())));
    if (!problems.isEmpty()) {
      throw new IOException(
          file
              + " does not fit the model ("
              + problems.size()
              + " problems; is it the weights of another variant?"
              + settingHint(problems)
              + "):\n  "
              + String.join("\n  ", problems));
    }
  }

  /**
   * The setting to look at when the file and the model disagree on S's feature standardisation,
   * which only {@code model.classifier.image-features = true} has (the author's checkpoints do
   * not).
   */
  private static String settingHint(List<String> problems) {
    boolean featureNorm = problems.stream().anyMatch(p -> p.contains(SHead.FEATURE_NORM + "."));
    return featureNorm
        ? " Or of another model.classifier.image-features: S's "
            + SHead.FEATURE_NORM
            + " buffers exist only when it is true; set it as for the run that wrote the file"
        : "";
  }
}
