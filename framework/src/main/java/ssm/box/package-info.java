/**
 * Box arithmetic shared by every head: anchors, the box coder, clipping, IoU, NMS, RoIAlign and
 * mask pasting. Pure static graph functions (plus one plain-Java post-processing class); nothing
 * here keeps graph state.
 *
 * <p>Glossary:
 *
 * <ul>
 *   <li><b>box</b>: a row {@code [x1, y1, x2, y2]} in input-image pixels (x = column, y = row); a
 *       box tensor is {@code [N, 4]} float32. Width is {@code x2 - x1} with no {@code +1}.
 *   <li><b>A</b>: anchors per feature-map location (30 = 6 ratios x 5 sizes in the SSM).
 *   <li><b>cell anchor</b>: an anchor centred on (0, 0); a grid anchor is a cell anchor shifted to
 *       a grid cell's top-left corner {@code (strideX * x, strideY * y)}.
 *   <li><b>deltas</b> (or codes): the {@code [dx, dy, dw, dh]} regression targets of {@link
 *       ssm.box.BoxCoder}, relative to a reference box (anchor or proposal).
 *   <li><b>gt</b> / <b>pred</b>: ground truth / predicted.
 *   <li><b>feature coordinates</b>: input pixels times the spatial scale (1 / stride); used only
 *       inside {@link ssm.box.RoiAlign}.
 * </ul>
 *
 * <p>Every convention follows torchvision 0.14 as recorded in {@code
 * fixtures/reference-parity/README.md}, section 2.
 */
package ssm.box;
