/**
 * {@code ssm compare}: runs evaluated on the same slices set side by side, each difference with the
 * standard paired test for its figure (docs/comparing.md).
 */
package ssm.experiments.compare;
