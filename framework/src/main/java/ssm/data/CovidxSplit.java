package ssm.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A COVIDx-CT split file (docs/explanation/model.md#62-classification-covidx-ct): one line per
 * image, {@code filename class xmin ymin xmax ymax [collection]}, class 0 Normal, 1 CP, 2 COVID-19,
 * the box being the body crop in original pixels with xmax/ymax EXCLUSIVE (as COVID-Net CT's {@code
 * image[ymin:ymax, xmin:xmax]}); the optional seventh column names the slice's collection ({@link
 * SliceCollection}). Blank lines and lines starting with {@code #} are ignored.
 *
 * <p>Images live in a folder beside the split file: {@link #defaultImagesDir} picks {@code
 * images/}, or else the only sibling folder whose name ends in {@code images} (the COVIDx-CT
 * download's {@code 2A_images/}). Lines are parsed and each file's existence checked at
 * construction; the slices are decoded by {@link #load}, whole (the reference) or cropped to the
 * box ({@link ReaderOptions#cropToBox()}), then resized per docs/explanation/model.md#21-input.
 */
public final class CovidxSplit implements LazyDataset<ClassificationExample> {
  /**
   * One parsed line.
   *
   * @param collection the optional seventh column ({@link SliceCollection}), or null
   */
  public record Entry(
      String file, int label, int xmin, int ymin, int xmax, int ymax, int line, String collection) {
    /** A line of the six COVIDx-CT columns. */
    public Entry(String file, int label, int xmin, int ymin, int xmax, int ymax, int line) {
      this(file, label, xmin, ymin, xmax, ymax, line, null);
    }
  }

  private final ReaderOptions options;
  private final Resizer resizer;
  private final Path imagesDir;
  private final List<Entry> entries = new ArrayList<>();
  private final BadItems bad = new BadItems();

  /**
   * Parses {@code splitFile}; throws {@link DataException} naming {@code file:line} for a malformed
   * line, a class out of range or a missing image (unless skipBad), and when the split has no item:
   * {@code split 'test' in data/covid is empty}.
   */
  public CovidxSplit(Path splitFile, Path imagesDir, ReaderOptions options) {
    this.options = options;
    this.resizer = options.resizer();
    this.imagesDir = imagesDir;
    String name = splitFile.getFileName().toString();
    List<String> lines;
    try {
      lines = Files.readAllLines(splitFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DataException(name, "cannot read split file (" + splitFile + ")", e);
    }
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        entries.add(parse(name, i + 1, line, imagesDir));
      } catch (DataException e) {
        if (!options.skipBad()) {
          throw e;
        }
        bad.add(e);
      }
    }
    if (entries.isEmpty()) {
      Path parent = splitFile.toAbsolutePath().getParent();
      throw new DataException(
          name,
          String.format(
              "split '%s' in %s is empty%s",
              ImageDecoder.baseName(name),
              splitFile.getParent() == null ? parent : splitFile.getParent(),
              bad.count() > 0 ? " (" + bad.summary() + ")" : ""));
    }
  }

  /** The split with images in {@link #defaultImagesDir} and default options. */
  public static CovidxSplit open(Path splitFile) {
    return new CovidxSplit(splitFile, defaultImagesDir(splitFile), ReaderOptions.defaults());
  }

  /**
   * The images folder beside {@code splitFile}: {@code images/} if it exists, else the only sibling
   * folder whose name ends with {@code images}.
   */
  public static Path defaultImagesDir(Path splitFile) {
    Path parent = splitFile.toAbsolutePath().getParent();
    Path images = parent.resolve("images");
    if (Files.isDirectory(images)) {
      return images;
    }
    try (Stream<Path> s = Files.list(parent)) {
      List<Path> candidates =
          s.filter(Files::isDirectory)
              .filter(p -> p.getFileName().toString().toLowerCase().endsWith("images"))
              .toList();
      if (candidates.size() == 1) {
        return candidates.get(0);
      }
    } catch (IOException e) {
      throw new DataException(parent.toString(), "cannot list folder: " + e.getMessage(), e);
    }
    throw new DataException(
        splitFile.getFileName().toString(),
        "no images folder beside the split file (expected " + images + "; pass it explicitly)");
  }

  /** Parses one non-blank line; {@code lineNo} counts from 1. */
  static Entry parse(String file, int lineNo, String line, Path imagesDir) {
    String where = file + ":" + lineNo;
    String[] t = line.split("\\s+");
    if (t.length != 6 && t.length != 7) {
      throw new DataException(
          where,
          "expected 'filename class xmin ymin xmax ymax [collection]' (6 or 7 fields), got "
              + t.length
              + " fields: '"
              + line
              + "'");
    }
    int[] v = new int[5];
    String[] names = {"class", "xmin", "ymin", "xmax", "ymax"};
    for (int k = 0; k < 5; k++) {
      try {
        v[k] = Integer.parseInt(t[k + 1]);
      } catch (NumberFormatException e) {
        throw new DataException(where, names[k] + " '" + t[k + 1] + "' is not an integer");
      }
    }
    if (v[0] < 0 || v[0] >= ClassificationExample.CLASSES) {
      throw new DataException(
          where, "class " + v[0] + " is outside 0-2 (0 Normal, 1 CP, 2 COVID-19)");
    }
    if (v[1] < 0 || v[2] < 0 || v[3] <= v[1] || v[4] <= v[2]) {
      throw new DataException(
          where,
          String.format("box (%d, %d, %d, %d) is empty or negative", v[1], v[2], v[3], v[4]));
    }
    if (imagesDir != null && !Files.isRegularFile(imagesDir.resolve(t[0]))) {
      throw new DataException(where, "image " + imagesDir.resolve(t[0]) + " does not exist");
    }
    return new Entry(t[0], v[0], v[1], v[2], v[3], v[4], lineNo, t.length == 7 ? t[6] : null);
  }

  @Override
  public int size() {
    return entries.size();
  }

  @Override
  public String id(int index) {
    return entries.get(index).file();
  }

  /** The image file of item {@code index}. */
  public Path imagePath(int index) {
    return imagesDir.resolve(entries.get(index).file());
  }

  /** The parsed line of item {@code index}. */
  public Entry entry(int index) {
    return entries.get(index);
  }

  @Override
  public ClassificationExample load(int index) {
    Entry e = entries.get(index);
    Slice s = ImageDecoder.decode(imagesDir.resolve(e.file()));
    if (options.cropToBox()) {
      s = crop(s, e.xmin(), e.ymin(), e.xmax(), e.ymax());
    }
    return new ClassificationExample(e.file(), resizer.resize(s), e.label());
  }

  /**
   * The region {@code [x1, x2) x [y1, y2)} of an original-size slice, clamped to the image; the
   * result's original size is the crop's size.
   */
  public static Slice crop(Slice s, int x1, int y1, int x2, int y2) {
    int cx1 = Math.max(0, x1);
    int cy1 = Math.max(0, y1);
    int cx2 = Math.min(s.width(), x2);
    int cy2 = Math.min(s.height(), y2);
    if (cx2 <= cx1 || cy2 <= cy1) {
      throw new DataException(
          s.id(),
          String.format(
              "box (%d, %d, %d, %d) lies outside the %dx%d image",
              x1, y1, x2, y2, s.width(), s.height()));
    }
    int w = cx2 - cx1;
    int h = cy2 - cy1;
    float[] out = new float[h * w * 3];
    for (int y = 0; y < h; y++) {
      System.arraycopy(s.pixels(), ((cy1 + y) * s.width() + cx1) * 3, out, y * w * 3, w * 3);
    }
    return Slice.original(s.id(), h, w, out);
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
