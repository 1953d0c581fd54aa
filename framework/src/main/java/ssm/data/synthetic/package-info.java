/**
 * The built-in synthetic CT data set: {@link ssm.data.synthetic.SyntheticCtSlice} draws one slice
 * with its lesion mask, {@link ssm.data.synthetic.SyntheticCtGenerator} writes a whole data set in
 * the real formats (docs/reference/data.md), so that the readers of {@code ssm.data} serve it as
 * they serve real data. Nothing in {@code ssm.data} depends on this package.
 */
package ssm.data.synthetic;
