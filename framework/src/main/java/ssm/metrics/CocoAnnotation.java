package ssm.metrics;

/**
 * A ground-truth COCO {@code annotations} entry.
 *
 * @param segmentation null when the file has none (then only box evaluation is possible)
 * @param bbox {@code [x, y, w, h]} in pixels
 * @param area the annotation's {@code area}: COCOeval uses it, not the mask, for the area ranges
 * @param iscrowd crowd regions are ignored ground truth that any number of detections may hit
 */
public record CocoAnnotation(
    long id,
    long imageId,
    int categoryId,
    CocoSegmentation segmentation,
    double[] bbox,
    double area,
    boolean iscrowd) {}
