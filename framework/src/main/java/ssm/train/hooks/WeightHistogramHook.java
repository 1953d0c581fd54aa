package ssm.train.hooks;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.tensorflow.Result;
import org.tensorflow.Session;
import ssm.events.EventFileWriter;
import ssm.graph.Parameter;
import ssm.graph.ParameterRegistry;
import ssm.graph.Tensors;
import ssm.train.TrainingHook;
import ssm.train.TrainingState;

/**
 * After each epoch that wrote a checkpoint, a histogram of every weight ({@code weights/<name>},
 * docs/reference/tensorboard.md) at the step the run continues from.
 */
public final class WeightHistogramHook implements TrainingHook {
  private final Supplier<Path> lastCheckpoint;
  private final EventFileWriter events;
  private final Session session;
  private final ParameterRegistry parameters;
  private Path logged;

  /**
   * @param lastCheckpoint the last checkpoint written, or null (e.g. {@link CheckpointHook#last})
   */
  public WeightHistogramHook(
      Supplier<Path> lastCheckpoint,
      EventFileWriter events,
      Session session,
      ParameterRegistry parameters) {
    this.lastCheckpoint = lastCheckpoint;
    this.events = events;
    this.session = session;
    this.parameters = parameters;
  }

  @Override
  public void afterEpoch(TrainingState finished, TrainingState next) {
    Path ckpt = lastCheckpoint.get();
    if (ckpt == null || ckpt.equals(logged)) {
      return;
    }
    logged = ckpt;
    List<Parameter> all = parameters.all();
    Session.Runner runner = session.runner();
    all.forEach(p -> runner.fetch(p.variable()));
    try (Result r = runner.run()) {
      for (int i = 0; i < all.size(); i++) {
        events.histogram(
            TrainingTags.WEIGHTS_PREFIX + all.get(i).name(),
            next.globalStep(),
            Tensors.toFloats(r.get(i)));
      }
    }
  }
}
