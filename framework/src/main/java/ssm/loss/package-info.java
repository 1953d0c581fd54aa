/**
 * The loss terms of the paper's Eq. 1-3, one class per term ({@link ssm.loss.RpnLoss}, {@link
 * ssm.loss.RoiLoss}, {@link ssm.loss.MaskLoss}, {@link ssm.loss.ImageClassLoss}), and {@link
 * ssm.loss.Losses}, the one place that weights them. Every term is a scalar float32 built only from
 * ops whose gradients exist in TF Java's C++ registry (no Square, no
 * SparseSoftmaxCrossEntropyWithLogits); targets enter through StopGradient.
 */
package ssm.loss;
