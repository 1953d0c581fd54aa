package ssm.predict;

import ssm.metrics.Rle;

/**
 * One ground-truth lesion instance of a slice, in the slice's own pixels (what {@code predict
 * --truth} compares the predicted lesions with).
 *
 * @param box x1, y1, x2, y2 as {@link ssm.data.LesionMask} gives it (x2 = max column + 1)
 * @param area its pixels
 * @param mask its mask, COCO RLE over the slice
 */
public record TruthLesion(float[] box, int area, Rle mask) {}
