package ssm.predict;

import ssm.metrics.Rle;

/**
 * One detected lesion in original-image pixels.
 *
 * @param box x1, y1, x2, y2
 * @param score lesion probability
 * @param mask the pasted mask binarised at 0.5, COCO RLE over the original image
 */
public record Lesion(float[] box, float score, Rle mask) {}
