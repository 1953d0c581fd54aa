package ssm.data;

import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Which collection (source) a slice comes from, so that every figure can also be given per
 * collection: a model may work on one source's CT and not on another's.
 *
 * <p>The rule (docs/reference/data.md, "A slice's collection"): a COVIDx-CT split line may name it
 * in an optional seventh column; otherwise it is the leading letters of the slice's file name,
 * after a class prefix such as {@code 2_}: {@code medseg_000.png} is {@code medseg}, {@code
 * 2_ucsd_covid_0100.png} is {@code ucsd}, {@code radiopaedia_case10_85902_1-dcm_1.png} is {@code
 * radiopaedia}. A name that starts with no letter belongs to {@value #UNNAMED}.
 */
public final class SliceCollection {
  /** The collection of a file name that starts with no letter. */
  public static final String UNNAMED = "unnamed";

  private SliceCollection() {}

  /** The collection named by {@code fileName} (a path's last part is used). */
  public static String fromFileName(String fileName) {
    String name =
        fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
    int start = 0;
    while (start < name.length() && Character.isDigit(name.charAt(start))) {
      start++;
    }
    // only digits followed by '_' are a class prefix; "001.png" stays unnamed
    start = start > 0 && start < name.length() && name.charAt(start) == '_' ? start + 1 : 0;
    int end = start;
    while (end < name.length() && Character.isLetter(name.charAt(end))) {
      end++;
    }
    return end == start ? UNNAMED : name.substring(start, end);
  }

  /**
   * The collection of a COVIDx-CT split line ({@code filename class xmin ymin xmax ymax
   * [collection]}): its seventh column, else {@link #fromFileName} of its first.
   */
  public static String ofSplitLine(String line) {
    String[] t = line.strip().split("\\s+");
    return t.length >= 7 ? t[6] : fromFileName(t[0]);
  }

  /** How many items of {@code data} each collection holds ({@link #of}), in name order. */
  public static SortedMap<String, Integer> counts(LazyDataset<?> data) {
    SortedMap<String, Integer> counts = new TreeMap<>();
    for (int i = 0; i < data.size(); i++) {
      counts.merge(of(data, i), 1, Integer::sum);
    }
    return counts;
  }

  /**
   * The collection of item {@code index} of {@code data}: a split file's seventh column where
   * given, else {@link #fromFileName} of the item's id.
   */
  public static String of(LazyDataset<?> data, int index) {
    if (data instanceof CovidxSplit split && split.entry(index).collection() != null) {
      return split.entry(index).collection();
    }
    return fromFileName(data.id(index));
  }
}
