package ssm.metrics;

/**
 * One entry of a COCO result file: {@code {image_id, category_id, score, segmentation?, bbox?}}. At
 * least one of segmentation and bbox is present.
 */
public record CocoDetection(
    long imageId, int categoryId, double score, CocoSegmentation segmentation, double[] bbox) {

  /**
   * A mask detection as our model exports it: the mask's RLE, with its tight box when {@code
   * withBox}. Note pycocotools' loadRes: when the first result carries a box, every result's area
   * is the box's {@code w * h} (detectron2 exports behave the same way).
   */
  public static CocoDetection ofMask(
      long imageId, int categoryId, double score, Rle mask, boolean withBox) {
    return new CocoDetection(
        imageId,
        categoryId,
        score,
        new CocoSegmentation.RleMask(mask),
        withBox ? mask.toBbox() : null);
  }
}
