/**
 * Datasets: decoding, the input resize, lesion instances, readers for the real formats and a
 * background prefetcher. Plain Java, no TensorFlow. The synthetic generator, which writes data in
 * these formats, lives apart in {@code ssm.data.synthetic}.
 *
 * <p>Glossary: a <em>slice</em> is one CT image as RGB floats in [0, 1], row-major [H, W, 3]; boxes
 * are {@code x1, y1, x2, y2} in pixels with x2/y2 EXCLUSIVE (the reference's regionprops boxes);
 * masks are row-major bytes; <em>original</em> pixels are those of the file, before {@link
 * ssm.data.Resizer}. Every problem with an item is a {@link ssm.data.DataException} whose message
 * starts with the file (or {@code file:line}).
 */
package ssm.data;
