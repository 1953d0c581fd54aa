package ssm.train;

import java.util.Map;

/**
 * The outcome of one training step.
 *
 * @param state the state after the step
 * @param losses loss values by tag ({@code loss/segmentation}, {@code loss/s}, ...); a step without
 *     a segmentation part (a lesion-free draw) has no segmentation entries
 * @param copiedBranch whether the classification branch received the segmentation branch
 * @param seconds wall time of the step
 * @param slices ids of the slices used, for error messages
 * @param gradients the segmentation step's gradients by parameter name, on the steps where the
 *     trainer fetched them for histograms; empty otherwise
 * @param learningRate the learning rate of the segmentation step (training.lr-schedule)
 * @param classificationLearningRate the learning rate of the classification step; NaN in a step
 *     without one (Stage I)
 */
public record StepResult(
    TrainingState state,
    Map<String, Float> losses,
    boolean copiedBranch,
    double seconds,
    String slices,
    Map<String, float[]> gradients,
    double learningRate,
    double classificationLearningRate) {}
