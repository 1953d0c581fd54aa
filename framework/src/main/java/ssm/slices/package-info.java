/**
 * Per-slice results kept beside metrics.json ({@value ssm.slices.SliceResultsFile#FILE_NAME}), so
 * that any two runs evaluated on the same slices can be compared later, slice by slice, without
 * running the model again: the records, their file, and the figures recomputed on any multiset of
 * slices (what a paired bootstrap needs).
 */
package ssm.slices;
