package ssm.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The segmentation part of a report; any figure block not measured is null.
 *
 * @param paper the paper's per-image mask AP
 * @param cocoSegm COCO mask AP/AR
 * @param cocoBbox COCO box AP/AR of the predicted boxes
 * @param lesionArea Dice, sensitivity and specificity of the lesion area, or null
 * @param collections the figures per collection (collection name -> figures), or null
 */
public record SegmentationReport(
    PaperApFigures paper,
    @JsonProperty("coco_segm") CocoFigures cocoSegm,
    @JsonProperty("coco_bbox") CocoFigures cocoBbox,
    @JsonProperty("lesion_area") LesionAreaFigures lesionArea,
    Map<String, CollectionFigures> collections) {

  public SegmentationReport {
    collections = Figures.copy(collections);
  }
}
