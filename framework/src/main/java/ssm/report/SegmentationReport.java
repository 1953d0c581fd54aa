package ssm.report;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The segmentation part of a report; any figure block not measured is null.
 *
 * @param paper the paper's per-image mask AP
 * @param cocoSegm COCO mask AP/AR
 * @param cocoBbox COCO box AP/AR of the predicted boxes
 * @param lesionArea Dice, sensitivity and specificity of the lesion area, or null
 */
public record SegmentationReport(
    @JsonProperty("paper") PaperApFigures paper,
    @JsonProperty("coco_segm") CocoFigures cocoSegm,
    @JsonProperty("coco_bbox") CocoFigures cocoBbox,
    @JsonProperty("lesion_area") LesionAreaFigures lesionArea) {

  /** The same with the lesion area's figures. */
  public SegmentationReport withLesionArea(LesionAreaFigures area) {
    return new SegmentationReport(paper, cocoSegm, cocoBbox, area);
  }
}
