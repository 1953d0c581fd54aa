package ssm.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import ssm.run.RunFolder;

/**
 * A run's checkpoint folders on disk, without the tensors' meaning: {@code ckpt-<step>/} holding
 * the weights and optimizer files the caller writes, {@code state.json} (where the run stands) and
 * {@code scores.json} (its training loss figures). Each checkpoint is written to a temporary
 * folder, then renamed, so a crash never leaves a half-written checkpoint.
 *
 * <p>On disk, without duplicates: the last {@code keep} checkpoints are kept, and only the newest
 * keeps its optimizer state (twice the weights' size; resume reads the newest alone), until {@link
 * #finish} drops that too. {@link #keepAs} ({@code best/}, {@code best-validation/}) and {@link
 * #linkOrCopy} (the run's final weights) make hard links, not copies, so a kept checkpoint costs
 * its bytes once. Files are never rewritten in place (every write is a new file renamed over the
 * old name), so a link never sees another name's change.
 */
public final class CheckpointStore {
  /** Writes a checkpoint's tensor files into the folder it is given. */
  @FunctionalInterface
  public interface TensorFiles {
    void writeTo(Path folder) throws IOException;
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path dir;
  private final int keep;

  /**
   * @param dir the run's checkpoint folder ({@link RunFolder#checkpoints()})
   * @param keep how many of the newest checkpoints to keep, at least 1
   */
  public CheckpointStore(Path dir, int keep) {
    if (keep < 1) {
      throw new IllegalArgumentException(
          "training.keep-checkpoints = " + keep + ": keep at least 1 (resume reads the newest)");
    }
    this.dir = dir;
    this.keep = keep;
  }

  /** This run's checkpoint folder. */
  public Path dir() {
    return dir;
  }

  /**
   * Writes the checkpoint of {@code state}: {@code tensors} fills it, then its counters and {@code
   * scores} (none when null) are added, and the folder is renamed into place; older checkpoints
   * beyond {@code keep} go, and all but the newest lose their optimizer state. Returns it.
   */
  public Path write(TrainingState state, TrainingLossRecord scores, TensorFiles tensors)
      throws IOException {
    Files.createDirectories(dir);
    Path target = dir.resolve(RunFolder.checkpointName(state.globalStep()));
    Path tmp = Files.createTempDirectory(dir, ".tmp-ckpt-");
    try {
      tensors.writeTo(tmp);
      ObjectNode s = JSON.createObjectNode();
      s.put("stage", state.stage());
      s.put("epoch", state.epoch());
      s.put("position", state.position());
      s.put("global_step", state.globalStep());
      s.put("best_segmentation_loss", state.bestSegmentationLoss());
      JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.resolve(RunFolder.STATE).toFile(), s);
      if (scores != null) {
        ObjectNode l = JSON.createObjectNode();
        l.put("epoch_loss", scores.epochLoss());
        l.put("best_loss", scores.bestLoss());
        l.put("best", scores.best());
        JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.resolve(RunFolder.SCORES).toFile(), l);
      }
      deleteRecursively(target);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      deleteRecursively(tmp);
    }
    prune();
    return target;
  }

  /**
   * Keeps checkpoint {@code ckpt} as the sibling folder {@code name} (atomically): its weights,
   * state and scores as hard links; not its optimizer state, which only resume reads, from the
   * newest checkpoint.
   */
  public void keepAs(Path ckpt, String name) throws IOException {
    Path tmp = Files.createTempDirectory(dir, ".tmp-" + name + "-");
    try {
      try (Stream<Path> files = Files.list(ckpt)) {
        for (Path f : files.toList()) {
          if (!f.getFileName().toString().equals(RunFolder.OPTIMIZER)) {
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

  /** Whether the kept copy {@code name} ({@link #keepAs}) is checkpoint {@code ckpt}. */
  public boolean keeps(String name, Path ckpt) throws IOException {
    Path kept = dir.resolve(name);
    return Files.exists(kept.resolve(RunFolder.STATE))
        && state(kept).globalStep() == state(ckpt).globalStep();
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
      Files.deleteIfExists(ckpt.resolve(RunFolder.OPTIMIZER));
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

  /** The counters saved with {@code ckpt} ({@code state.json}), without loading anything. */
  public TrainingState state(Path ckpt) throws IOException {
    var s = JSON.readTree(ckpt.resolve(RunFolder.STATE).toFile());
    return new TrainingState(
        s.get("stage").asInt(),
        s.get("epoch").asInt(),
        s.get("position").asInt(),
        s.get("global_step").asLong(),
        s.get("best_segmentation_loss").asDouble());
  }

  /**
   * The training loss figures saved with {@code ckpt}, or empty for a checkpoint without them
   * (written by a version that did not save them, or after a last epoch that wrote none).
   */
  public Optional<TrainingLossRecord> scores(Path ckpt) throws IOException {
    Path file = ckpt.resolve(RunFolder.SCORES);
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

  private List<Path> list() throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(
              p ->
                  RunFolder.isCheckpointName(p.getFileName().toString())
                      && Files.exists(p.resolve(RunFolder.STATE)))
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
      // resume reads the newest one only
      Files.deleteIfExists(all.get(i).resolve(RunFolder.OPTIMIZER));
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
