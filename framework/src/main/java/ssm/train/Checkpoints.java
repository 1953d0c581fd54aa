package ssm.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.types.TFloat32;
import ssm.graph.ParameterRegistry;
import ssm.graph.Tensors;
import ssm.io.Safetensors;
import ssm.io.Weights;

/**
 * A run's checkpoints: {@code checkpoints/ckpt-<step>/} holding {@code weights.safetensors}
 * (PyTorch names and layouts: {@code ./ssm predict --weights} reads it), {@code
 * optimizer.safetensors} (Adam's per-parameter state) and {@code state.json}. Each is written to
 * a temporary folder, then renamed, so a crash never leaves a half-written checkpoint. The last
 * {@code keep} are kept, plus the copies {@link #keepAs} makes ({@code best/}, {@code
 * best-validation/}).
 */
public final class Checkpoints {
  /** The lowest-training-loss checkpoint's copy ({@code CheckpointHook}). */
  public static final String BEST = "best";
  /** The best-on-validation checkpoint's copy ({@code ValidationHook} of the runner). */
  public static final String BEST_VALIDATION = "best-validation";

  private static final String PREFIX = "ckpt-";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path dir;
  private final int keep;
  private final Session session;
  private final ParameterRegistry parameters;
  private final PytorchAdam optimizer;

  public Checkpoints(Path dir, int keep, Session session, ParameterRegistry parameters,
      PytorchAdam optimizer) {
    this.dir = dir;
    this.keep = keep;
    this.session = session;
    this.parameters = parameters;
    this.optimizer = optimizer;
  }

  /** Writes a checkpoint of the current weights and optimizer at {@code state}; returns it. */
  public Path save(TrainingState state) throws IOException {
    Files.createDirectories(dir);
    Path target = dir.resolve(String.format("%s%09d", PREFIX, state.globalStep()));
    Path tmp = Files.createTempDirectory(dir, ".tmp-ckpt-");
    try {
      Weights.save(session, parameters, tmp.resolve("weights.safetensors"), Map.of());
      saveOptimizer(tmp.resolve("optimizer.safetensors"));
      ObjectNode s = JSON.createObjectNode();
      s.put("stage", state.stage());
      s.put("epoch", state.epoch());
      s.put("position", state.position());
      s.put("global_step", state.globalStep());
      s.put("best_segmentation_loss", state.bestSegmentationLoss());
      JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.resolve("state.json").toFile(), s);
      deleteRecursively(target);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      deleteRecursively(tmp);
    }
    prune();
    return target;
  }

  /** This run's checkpoint folder. */
  public Path dir() {
    return dir;
  }

  /** Copies checkpoint {@code ckpt} to the sibling folder {@code name} (atomically). */
  public void keepAs(Path ckpt, String name) throws IOException {
    Path tmp = Files.createTempDirectory(dir, ".tmp-" + name + "-");
    try {
      try (Stream<Path> files = Files.list(ckpt)) {
        for (Path f : files.toList()) {
          Files.copy(f, tmp.resolve(f.getFileName()));
        }
      }
      deleteRecursively(dir.resolve(name));
      Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    } finally {
      deleteRecursively(tmp);
    }
  }

  /** The newest complete checkpoint, if any. */
  public Optional<Path> latest() throws IOException {
    List<Path> all = list();
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /** Loads weights, optimizer state and counters of {@code ckpt} into the session. */
  public TrainingState restore(Path ckpt) throws IOException {
    Weights.load(session, parameters, ckpt.resolve("weights.safetensors"));
    Map<String, Safetensors.Entry> slots = Safetensors.read(ckpt.resolve("optimizer.safetensors"));
    List<Tensor> fed = new ArrayList<>();
    try {
      Session.Runner runner = session.runner();
      for (PytorchAdam.Slot slot : optimizer.slots().values()) {
        Safetensors.Entry e = slots.get(slot.name());
        if (e == null) {
          throw new IOException(ckpt + "/optimizer.safetensors has no " + slot.name());
        }
        TFloat32 t = Tensors.floats(e.data(), e.shape());
        fed.add(t);
        runner.feed(slot.feed(), t).addTarget(slot.load());
      }
      runner.run().close();
    } finally {
      fed.forEach(Tensor::close);
    }
    var s = JSON.readTree(ckpt.resolve("state.json").toFile());
    return new TrainingState(s.get("stage").asInt(), s.get("epoch").asInt(),
        s.get("position").asInt(), s.get("global_step").asLong(),
        s.get("best_segmentation_loss").asDouble());
  }

  private void saveOptimizer(Path file) throws IOException {
    List<PytorchAdam.Slot> slots = new ArrayList<>(optimizer.slots().values());
    Session.Runner runner = session.runner();
    slots.forEach(s -> runner.fetch(s.variable()));
    Map<String, Safetensors.Entry> out = new LinkedHashMap<>();
    try (Result r = runner.run()) {
      for (int i = 0; i < slots.size(); i++) {
        out.put(slots.get(i).name(),
            new Safetensors.Entry(Tensors.shape(r.get(i)), Tensors.toFloats(r.get(i))));
      }
    }
    Safetensors.write(file, out, Map.of());
  }

  private List<Path> list() throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().startsWith(PREFIX)
              && Files.exists(p.resolve("state.json")))
          .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
    }
  }

  private void prune() throws IOException {
    List<Path> all = list();
    for (int i = 0; i < all.size() - keep; i++) {
      deleteRecursively(all.get(i));
    }
  }

  private static void deleteRecursively(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(q);
      }
    }
  }
}
