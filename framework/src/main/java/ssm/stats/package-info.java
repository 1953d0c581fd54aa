/**
 * Paired significance tests for two models scored on the same test slices: exact McNemar for
 * accuracy, DeLong for correlated AUCs, a paired bootstrap over slices for any other figure, and
 * Holm's step-down correction when several comparisons are read together
 * (docs/how-to/compare-runs.md).
 */
package ssm.stats;
