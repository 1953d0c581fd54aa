package ssm.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.types.TFloat32;
import ssm.graph.Parameter;
import ssm.graph.ParameterRegistry;
import ssm.graph.Tensors;
import ssm.io.Safetensors;
import ssm.io.Weights;
import ssm.run.RunFolder;

/**
 * Moves a checkpoint's tensors between the session and its folder: the weights ({@code
 * weights.safetensors}, PyTorch names and layouts: {@code ./ssm predict --weights} reads it) and
 * what only training needs ({@code optimizer.safetensors}): Adam's per-parameter state and the
 * collection adversary's parameters, in TF layout. Where the folder lives and which are kept is the
 * {@link CheckpointStore}'s.
 */
public final class CheckpointTensors implements CheckpointStore.TensorFiles {
  private final Session session;
  private final ParameterRegistry parameters;
  private final PytorchAdam optimizer;
  private final List<Parameter> trainingState;

  /** The tensors of {@code graph}, whose model parameters are {@code parameters}. */
  public CheckpointTensors(Session session, ParameterRegistry parameters, TrainingGraph graph) {
    this.session = session;
    this.parameters = parameters;
    this.optimizer = graph.optimizer;
    this.trainingState =
        graph.collectionAdversary.map(CollectionAdversary::parameters).orElse(List.of());
  }

  /** Writes the session's weights and optimizer state into {@code folder}. */
  @Override
  public void writeTo(Path folder) throws IOException {
    Weights.save(session, parameters, folder.resolve(RunFolder.WEIGHTS), Map.of());
    saveOptimizer(folder.resolve(RunFolder.OPTIMIZER));
  }

  /** Loads the weights and optimizer state of checkpoint {@code ckpt} into the session. */
  public void restore(Path ckpt) throws IOException {
    Weights.load(session, parameters, ckpt.resolve(RunFolder.WEIGHTS));
    if (!Files.exists(ckpt.resolve(RunFolder.OPTIMIZER))) {
      throw new IOException(
          ckpt
              + " has no "
              + RunFolder.OPTIMIZER
              + ": the run finished, and a finished "
              + "run keeps no optimizer state (docs/how-to/train-resume-finetune.md); to train it further, start a new "
              + "run from its weights with --init-weights "
              + ckpt.resolve(RunFolder.WEIGHTS));
    }
    Path file = ckpt.resolve(RunFolder.OPTIMIZER);
    Map<String, Safetensors.Entry> saved = Safetensors.read(file);
    List<Tensor> fed = new ArrayList<>();
    try {
      Session.Runner runner = session.runner();
      for (PytorchAdam.Slot slot : optimizer.slots().values()) {
        runner.feed(slot.feed(), value(saved, slot.name(), file, fed)).addTarget(slot.load());
      }
      for (Parameter p : trainingState) {
        runner.feed(p.feed(), value(saved, p.name(), file, fed)).addTarget(p.load());
      }
      runner.run().close();
    } finally {
      fed.forEach(Tensor::close);
    }
  }

  /**
   * The tensor called {@code name} in {@code saved} (read from {@code file}), kept in {@code fed}.
   */
  private static TFloat32 value(
      Map<String, Safetensors.Entry> saved, String name, Path file, List<Tensor> fed)
      throws IOException {
    Safetensors.Entry e = saved.get(name);
    if (e == null) {
      throw new IOException(file + " has no " + name);
    }
    TFloat32 t = Tensors.floats(e.data(), e.shape());
    fed.add(t);
    return t;
  }

  private void saveOptimizer(Path file) throws IOException {
    List<PytorchAdam.Slot> slots = new ArrayList<>(optimizer.slots().values());
    Session.Runner runner = session.runner();
    slots.forEach(s -> runner.fetch(s.variable()));
    trainingState.forEach(p -> runner.fetch(p.variable()));
    Map<String, Safetensors.Entry> out = new LinkedHashMap<>();
    try (Result r = runner.run()) {
      for (int i = 0; i < slots.size() + trainingState.size(); i++) {
        String name =
            i < slots.size() ? slots.get(i).name() : trainingState.get(i - slots.size()).name();
        out.put(name, new Safetensors.Entry(Tensors.shape(r.get(i)), Tensors.toFloats(r.get(i))));
      }
    }
    Safetensors.write(file, out, Map.of());
  }
}
