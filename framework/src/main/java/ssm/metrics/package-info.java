/**
 * Evaluation metrics: the paper's per-image mask AP ({@link ssm.metrics.PaperAp}), COCO
 * dataset-level AP/AR with pycocotools semantics ({@link ssm.metrics.CocoEvaluator}), COCO files
 * ({@link ssm.metrics.CocoFiles}), classification metrics ({@link
 * ssm.metrics.ClassificationMetrics}); the metrics.json report is in {@link ssm.report}.
 *
 * <p>Words: {@code gt} ground truth, {@code dt} detection (a prediction, in COCO's word); masks are
 * {@link ssm.metrics.Rle}, H x W, row-major at the API; COCO boxes are {@code [x, y, w, h]} in
 * pixels. docs/reference/metrics.md defines every number and the edge cases.
 */
package ssm.metrics;
