package ssm.testing;

import java.util.List;
import ssm.data.BadItems;
import ssm.data.LazyDataset;
import ssm.data.SegmentationExample;
import ssm.data.Slice;

/** 20x20 slices with square lesions, for evaluator and metric tests worked out by hand. */
public final class TinySlices {
  /** The side of every slice, in pixels. */
  public static final int SIDE = 20;

  private TinySlices() {}

  /** An in-memory dataset whose ids are given apart from the items. */
  public record Items<T>(List<String> ids, List<T> items) implements LazyDataset<T> {
    @Override
    public int size() {
      return items.size();
    }

    @Override
    public String id(int i) {
      return ids.get(i);
    }

    @Override
    public T load(int i) {
      return items.get(i);
    }

    @Override
    public boolean skipBad() {
      return false;
    }

    @Override
    public BadItems badItems() {
      return new BadItems();
    }
  }

  /** A square mask [x, x + side) x [y, y + side) on the slice. */
  public static byte[] square(int x, int y, int side) {
    byte[] m = new byte[SIDE * SIDE];
    for (int r = y; r < y + side; r++) {
      for (int c = x; c < x + side; c++) {
        m[r * SIDE + c] = 1;
      }
    }
    return m;
  }

  /** A black slice named {@code id}. */
  public static Slice slice(String id) {
    return Slice.original(id, SIDE, SIDE, new float[SIDE * SIDE * 3]);
  }

  /** A slice with these lesion masks (boxes left at zero: the evaluator reads the masks). */
  public static SegmentationExample example(String id, byte[]... masks) {
    byte[] all = new byte[masks.length * SIDE * SIDE];
    for (int k = 0; k < masks.length; k++) {
      System.arraycopy(masks[k], 0, all, k * SIDE * SIDE, SIDE * SIDE);
    }
    return new SegmentationExample(id, slice(id), new float[masks.length * 4], all, masks.length);
  }
}
