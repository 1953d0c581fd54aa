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
 * optimizer.safetensors} (Adam's per-parameter state) and {@code state.json}. Each is written to a
 * temporary folder, then renamed, so a crash never leaves a half-written checkpoint.
 *
 * <p>On disk, without duplicates: the last {@code keep} checkpoints are kept, and only the newest
 * keeps its optimizer state (twice the weights' size; resume reads the newest alone), until {@link
 * #finish} drops that too. {@link #keepAs} ({@code best/}, {@code best-validation/}) and {@link
 * #linkOrCopy} (the run's final weights) make hard links, not copies, so a kept checkpoint costs
 * its bytes once. Files are never rewritten in place (every write is a new file renamed over the
 * old name), so a link never sees another name's change.
 */
public final class Checkpoints {
  /** The lowest-training-loss checkpoint's copy ({@code CheckpointHook}). */
  public static final String BEST = "best";

  /** The best-on-validation checkpoint's copy ({@code BestValidationKeeper} of the runner). */
  public static final String BEST_VALIDATION = "best-validation";

  /** A checkpoint's weights file. */
  public static final String WEIGHTS = "weights.safetensors";

  private static final String PREFIX = "ckpt-";
  private static final String OPTIMIZER = "optimizer.safetensors";
  private static final String STATE = "state.json";
  private static final String SCORES = "scores.json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path dir;
  private final int keep;
  private final Session session;
  private final ParameterRegistry parameters;
  private final PytorchAdam optimizer;

  public Checkpoints(
      Path dir, int keep, Session session, ParameterRegistry parameters, PytorchAdam optimizer) {
    this.dir = dir;
    this.keep = keep;
    this.session = session;
    this.parameters = parameters;
    this.optimizer = optimizer;
  }

  /** Writes a checkpoint of the current weights and optimizer at {@code state}; returns it. */
  public Path save(TrainingState state) throws IOException {
    return save(state, null);
  }

  /**
   * Writes a checkpoint of the current weights and optimizer at {@code state}, with the training
   * loss figures of its epoch ({@code scores.json}; none when null); returns it.
   */
  public Path save(TrainingState state, TrainingLossRecord scores) throws IOException {
    Files.createDirectories(dir);
    Path target = dir.resolve(String.format("%s%09d", PREFIX, state.globalStep()));
    Path tmp = Files.createTempDirectory(dir, ".tmp-ckpt-");
    try {
      Weights.save(session, parameters, tmp.resolve(WEIGHTS), Map.of());
      saveOptimizer(tmp.resolve(OPTIMIZER));
      ObjectNode s = JSON.createObjectNode();
      s.put("stage", state.stage());
      s.put("epoch", state.epoch());
      s.put("position", state.position());
      s.put("global_step", state.globalStep());
      s.put("best_segmentation_loss", state.bestSegmentationLoss());
      JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.resolve(STATE).toFile(), s);
      if (scores != null) {
        ObjectNode l = JSON.createObjectNode();
        l.put("epoch_loss", scores.epochLoss());
        l.put("best_loss", scores.bestLoss());
        l.put("best", scores.best());
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.resolve(SCORES).toFile(), l);
      }
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

  /**
   * Keeps checkpoint {@code ckpt} as the sibling folder {@code name} (atomically): its weights,
   * state and validation scores as hard links; not its optimizer state, which only resume reads,
   * from the newest checkpoint.
   */
  public void keepAs(Path ckpt, String name) throws IOException {
    Path tmp = Files.createTempDirectory(dir, ".tmp-" + name + "-");
    try {
      try (Stream<Path> files = Files.list(ckpt)) {
        for (Path f : files.toList()) {
          if (!f.getFileName().toString().equals(OPTIMIZER)) {
            linkOrCopy(f, tmp.resolve(f.getFileName()));
          }
        }
      }
      deleteRecursively(dir.resolve(name));
      Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    } finally {
      deleteRecursively(tmp);
    }
  }

  /**
   * Makes {@code target} name the same bytes as {@code source}: a hard link, or a copy where the
   * file system has none; replaces {@code target}.
   */
  public static void linkOrCopy(Path source, Path target) throws IOException {
    Files.deleteIfExists(target);
    try {
      Files.createLink(target, source);
    } catch (UnsupportedOperationException | IOException e) {
      Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /**
   * Drops the optimizer state of a run that has finished: only resuming an interrupted run reads
   * it, and it is twice the weights' size. The weights and counters stay.
   */
  public void finish() throws IOException {
    for (Path ckpt : list()) {
      Files.deleteIfExists(ckpt.resolve(OPTIMIZER));
    }
  }

  /** The newest complete checkpoint, if any. */
  public Optional<Path> latest() throws IOException {
    List<Path> all = list();
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
  }

  /**
   * The newest {@code n} checkpoints, fewer where fewer were written, that belong to the stage of
   * the newest one, oldest first; empty when there is none.
   */
  public List<Path> newestOfLastStage(int n) throws IOException {
    List<Path> all = list();
    List<Path> out = new ArrayList<>();
    int stage = all.isEmpty() ? 0 : state(all.get(all.size() - 1)).stage();
    for (int i = all.size() - 1; i >= 0 && out.size() < n; i--) {
      if (state(all.get(i)).stage() != stage) {
        break;
      }
      out.add(0, all.get(i));
    }
    return out;
  }

  /** Loads weights, optimizer state and counters of {@code ckpt} into the session. */
  public TrainingState restore(Path ckpt) throws IOException {
    Weights.load(session, parameters, ckpt.resolve(WEIGHTS));
    if (!Files.exists(ckpt.resolve(OPTIMIZER))) {
      throw new IOException(
          ckpt
              + " has no "
              + OPTIMIZER
              + ": the run finished, and a finished "
              + "run keeps no optimizer state (docs/training.md); to train it further, start a new "
              + "run from its weights with --init-weights "
              + ckpt.resolve(WEIGHTS));
    }
    Map<String, Safetensors.Entry> slots = Safetensors.read(ckpt.resolve(OPTIMIZER));
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
    return state(ckpt);
  }

  /** The counters saved with {@code ckpt} ({@code state.json}), without loading anything. */
  public TrainingState state(Path ckpt) throws IOException {
    var s = JSON.readTree(ckpt.resolve(STATE).toFile());
    return new TrainingState(
        s.get("stage").asInt(),
        s.get("epoch").asInt(),
        s.get("position").asInt(),
        s.get("global_step").asLong(),
        s.get("best_segmentation_loss").asDouble());
  }

  /**
   * The training loss figures saved with {@code ckpt}, or empty for a checkpoint without them
   * (written by a version that did not save them, or at the end of a run's last epoch).
   */
  public Optional<TrainingLossRecord> scores(Path ckpt) throws IOException {
    Path file = ckpt.resolve(SCORES);
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    var l = JSON.readTree(file.toFile());
    if (l.get("epoch_loss") == null || l.get("best_loss") == null || l.get("best") == null) {
      throw new IOException(file + " lacks epoch_loss, best_loss or best: not a checkpoint's");
    }
    return Optional.of(
        new TrainingLossRecord(
            l.get("epoch_loss").asDouble(),
            l.get("best_loss").asDouble(),
            l.get("best").asBoolean()));
  }

  /** Whether the kept copy {@code name} ({@link #keepAs}) is checkpoint {@code ckpt}. */
  public boolean keeps(String name, Path ckpt) throws IOException {
    Path kept = dir.resolve(name);
    return Files.exists(kept.resolve(STATE))
        && state(kept).globalStep() == state(ckpt).globalStep();
  }

  private void saveOptimizer(Path file) throws IOException {
    List<PytorchAdam.Slot> slots = new ArrayList<>(optimizer.slots().values());
    Session.Runner runner = session.runner();
    slots.forEach(s -> runner.fetch(s.variable()));
    Map<String, Safetensors.Entry> out = new LinkedHashMap<>();
    try (Result r = runner.run()) {
      for (int i = 0; i < slots.size(); i++) {
        out.put(
            slots.get(i).name(),
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
      return s.filter(
              p -> p.getFileName().toString().startsWith(PREFIX) && Files.exists(p.resolve(STATE)))
          .sorted(Comparator.comparing(p -> p.getFileName().toString()))
          .toList();
    }
  }

  private void prune() throws IOException {
    List<Path> all = list();
    for (int i = 0; i < all.size() - keep; i++) {
      deleteRecursively(all.get(i));
    }
    for (int i = Math.max(0, all.size() - keep); i < all.size() - 1; i++) {
      Files.deleteIfExists(all.get(i).resolve(OPTIMIZER)); // resume reads the newest one only
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
