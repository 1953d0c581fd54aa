package ssm.slices;

/**
 * One detection on a slice as COCO's AP50 sees it: its score, and whether COCO's greedy matching at
 * IoU 0.5 paired it with a lesion of the slice.
 */
public record ScoredDetection(double score, boolean matched) {}
