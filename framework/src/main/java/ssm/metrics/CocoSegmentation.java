package ssm.metrics;

import java.util.ArrayList;
import java.util.List;
import ssm.util.Check;

/**
 * A COCO {@code segmentation}: polygons in image pixels, or a run-length encoded mask (read from
 * either the compressed string or the uncompressed counts form).
 */
public sealed interface CocoSegmentation {

  /**
   * The mask on an image of the given size, as pycocotools {@code COCO.annToRLE}: polygons are
   * rasterised ({@link Rle#fromPolygon}) and united; an RLE keeps its own size.
   */
  Rle toRle(int imageHeight, int imageWidth);

  /** One or more polygons {@code [x0, y0, x1, y1, ...]}, the parts of one object. */
  record Polygons(List<double[]> polygons) implements CocoSegmentation {
    public Polygons {
      polygons = List.copyOf(polygons);
      Check.that(!polygons.isEmpty(), "a polygon segmentation needs at least one polygon");
    }

    @Override
    public Rle toRle(int imageHeight, int imageWidth) {
      // pycocotools frPyObjects: a list whose FIRST element has 4 numbers is read as boxes
      // [x,y,w,h]
      boolean boxes = polygons.get(0).length == 4;
      List<Rle> parts = new ArrayList<>(polygons.size());
      for (double[] p : polygons) {
        parts.add(
            boxes
                ? Rle.fromBbox(p, imageHeight, imageWidth)
                : Rle.fromPolygon(p, imageHeight, imageWidth));
      }
      return Rle.merge(parts, false);
    }
  }

  /** A run-length encoded mask. */
  record RleMask(Rle rle) implements CocoSegmentation {
    @Override
    public Rle toRle(int imageHeight, int imageWidth) {
      return rle;
    }
  }
}
