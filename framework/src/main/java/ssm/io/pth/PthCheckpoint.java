package ssm.io.pth;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * What a PyTorch checkpoint in the author's layout holds: the model's state dict, read; the epoch,
 * learning rate and anchors; the optimizer state, counted but not read.
 *
 * @param format {@code zip} or {@code legacy}
 * @param modelWeights the state dict in file order (float32 and int64 tensors)
 * @param epoch the {@code epoch} entry as text (the author saves {@code str(e)})
 * @param optimizerTensors tensors in {@code optimizer_state}, empty when there is none
 * @param otherEntries top-level entries that none of the above read
 */
public record PthCheckpoint(
    Path file,
    String format,
    Map<String, PthTensor> modelWeights,
    Optional<String> epoch,
    OptionalDouble lrate,
    Optional<CheckpointAnchors> anchors,
    OptionalInt optimizerTensors,
    List<String> otherEntries) {}
