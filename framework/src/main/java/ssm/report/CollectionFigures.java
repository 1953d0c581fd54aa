package ssm.report;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The segmentation figures of one collection's slices (a data set merged from several sources).
 *
 * @param slices the collection's slices evaluated
 * @param paper the paper's AP over those slices, or null
 * @param lesionArea the lesion-area figures over those slices, or null
 */
public record CollectionFigures(
    int slices, PaperApFigures paper, @JsonProperty("lesion_area") LesionAreaFigures lesionArea) {}
