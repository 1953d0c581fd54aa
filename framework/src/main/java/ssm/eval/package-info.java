/**
 * Evaluation of a model on test or validation data: {@link ssm.eval.Evaluator} runs a {@link
 * ssm.eval.SlicePredictor} over a segmentation folder and a classification split (data decoded
 * ahead on a background thread) and computes every number of {@link ssm.metrics}: the paper's
 * per-image mask AP, COCO segm and bbox AP/AR, and the classification metrics of Table 3.
 *
 * <p>Words: {@code gt} ground truth, {@code dt} detection; ground-truth masks and predictions are
 * compared at the ORIGINAL image size (predictions come back pasted at that size).
 * docs/reference/evaluation.md describes the command and the tables built on top of this package.
 */
package ssm.eval;
