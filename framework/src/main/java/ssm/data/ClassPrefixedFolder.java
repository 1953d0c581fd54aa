package ssm.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference's classification folder: image files whose names start with the class id and an
 * underscore ({@code 2_xxx.png}: 0 Normal, 1 CP, 2 COVID-19), listed in sorted order as the
 * reference does, decoded whole and resized per docs/explanation/model.md#21-input.
 */
public final class ClassPrefixedFolder implements LazyDataset<ClassificationExample> {
  private static final Pattern PREFIX = Pattern.compile("^(\\d+)_.*");

  private final ReaderOptions options;
  private final Resizer resizer;
  private final List<Path> files = new ArrayList<>();
  private final List<Integer> labels = new ArrayList<>();
  private final BadItems bad = new BadItems();

  /**
   * Lists {@code dir}; a file without a class prefix or with a class outside 0-2 is bad ({@link
   * DataException} naming it, or skipped with skipBad); no image at all is an error.
   */
  public ClassPrefixedFolder(Path dir, ReaderOptions options) {
    this.options = options;
    this.resizer = options.resizer();
    if (!Files.isDirectory(dir)) {
      throw new DataException(dir.toString(), "folder does not exist");
    }
    for (Path p : SegmentationFolder.list(dir)) {
      String name = p.getFileName().toString();
      try {
        labels.add(parseLabel(name));
        files.add(p);
      } catch (DataException e) {
        if (!options.skipBad()) {
          throw e;
        }
        bad.add(e);
      }
    }
    if (files.isEmpty()) {
      throw new DataException(
          dir.toString(),
          "classification folder has no usable images"
              + (bad.count() > 0 ? " (" + bad.summary() + ")" : ""));
    }
  }

  /** The class id in a {@code <class>_<rest>} file name. */
  static int parseLabel(String name) {
    Matcher m = PREFIX.matcher(name);
    if (!m.matches()) {
      throw new DataException(name, "file name must start with the class id, e.g. 2_slice.png");
    }
    int label;
    try {
      label = Integer.parseInt(m.group(1));
    } catch (NumberFormatException e) {
      label = Integer.MAX_VALUE;
    }
    if (label >= ClassificationExample.CLASSES) {
      throw new DataException(
          name, "class " + m.group(1) + " is outside 0-2 (0 Normal, 1 CP, 2 COVID-19)");
    }
    return label;
  }

  @Override
  public int size() {
    return files.size();
  }

  @Override
  public String id(int index) {
    return files.get(index).getFileName().toString();
  }

  /** The class of item {@code index}, from its name. */
  public int label(int index) {
    return labels.get(index);
  }

  /** The image file of item {@code index}. */
  public java.nio.file.Path imagePath(int index) {
    return files.get(index);
  }

  @Override
  public ClassificationExample load(int index) {
    Slice s = ImageDecoder.decode(files.get(index));
    return new ClassificationExample(id(index), resizer.resize(s), labels.get(index));
  }

  @Override
  public boolean skipBad() {
    return options.skipBad();
  }

  @Override
  public BadItems badItems() {
    return bad;
  }
}
