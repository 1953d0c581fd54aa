package ssm.metrics;

import java.util.List;

/** A COCO ground-truth file: images, annotations and categories. */
public record CocoDataset(
    List<CocoImage> images, List<CocoAnnotation> annotations, List<CocoCategory> categories) {
  public CocoDataset {
    images = List.copyOf(images);
    annotations = List.copyOf(annotations);
    categories = List.copyOf(categories);
  }
}
