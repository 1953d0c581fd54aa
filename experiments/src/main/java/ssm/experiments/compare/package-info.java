/**
 * {@code ssm compare}: runs evaluated on the same slices set side by side, each difference with the
 * standard paired test for its figure (docs/how-to/compare-runs.md).
 */
package ssm.experiments.compare;
