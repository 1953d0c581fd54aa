package ssm.metrics;

/** A COCO {@code categories} entry; the supercategory may be null. */
public record CocoCategory(int id, String name, String supercategory) {}
