package ssm.metrics;

/** A COCO {@code images} entry: id and size in pixels; the file name may be null. */
public record CocoImage(long id, int width, int height, String fileName) {}
