package ssm.data;

import java.util.ArrayList;
import java.util.List;

/**
 * 8-connected component labelling of a binary mask, as skimage's {@code label} with its default
 * (full) connectivity for 2-D images followed by {@code regionprops}: components are numbered 1, 2,
 * ... in the raster order of their first pixel.
 */
public final class ConnectedComponents {
  private ConnectedComponents() {}

  /**
   * One component: its label, area in pixels and bounding box; {@code maxRow} and {@code maxCol}
   * are EXCLUSIVE, as skimage's {@code bbox}.
   */
  public record Component(int label, int area, int minRow, int minCol, int maxRow, int maxCol) {}

  /** The label image ({@code 0} outside the mask) and its components in label order. */
  public record Labeling(int[] labels, List<Component> components) {}

  /** Labels the non-zero pixels of a row-major {@code height x width} mask. */
  public static Labeling label(byte[] mask, int height, int width) {
    int[] labels = new int[height * width];
    int[] stack = new int[height * width];
    List<Component> components = new ArrayList<>();
    int next = 1;
    for (int start = 0; start < mask.length; start++) {
      if (mask[start] == 0 || labels[start] != 0) {
        continue;
      }
      int label = next++;
      int area = 0;
      int minRow = Integer.MAX_VALUE;
      int minCol = Integer.MAX_VALUE;
      int maxRow = -1;
      int maxCol = -1;
      int top = 0;
      stack[top++] = start;
      labels[start] = label;
      while (top > 0) {
        int p = stack[--top];
        int y = p / width;
        int x = p - y * width;
        area++;
        minRow = Math.min(minRow, y);
        maxRow = Math.max(maxRow, y);
        minCol = Math.min(minCol, x);
        maxCol = Math.max(maxCol, x);
        for (int dy = -1; dy <= 1; dy++) {
          int ny = y + dy;
          if (ny < 0 || ny >= height) {
            continue;
          }
          for (int dx = -1; dx <= 1; dx++) {
            int nx = x + dx;
            if (nx < 0 || nx >= width) {
              continue;
            }
            int q = ny * width + nx;
            if (mask[q] != 0 && labels[q] == 0) {
              labels[q] = label;
              stack[top++] = q;
            }
          }
        }
      }
      components.add(new Component(label, area, minRow, minCol, maxRow + 1, maxCol + 1));
    }
    return new Labeling(labels, components);
  }
}
