package ssm.layers;

/** Whether BatchNorm normalises with batch statistics (and updates its running ones) or not. */
public enum BatchNormMode {
  /** Batch statistics; running statistics updated (segmentation steps). */
  TRAINING,
  /** Running statistics, unchanged (inference and classification steps). */
  INFERENCE
}
