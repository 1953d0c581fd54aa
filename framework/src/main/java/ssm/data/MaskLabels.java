package ssm.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Slice-level classes from lesion masks, so that segmentation slices can also serve as
 * classification slices (docs/reference/data.md, "Classes from lesion masks"): a slice whose mask
 * covers at least {@code minLesionFraction} of its pixels shows visible infection and is labelled
 * COVID-19 (class 2), any other slice Normal (class 0, "not COVID-19"). The threshold 0.002 is the
 * one under which the radiopaedia slices of COVID-19-CT-Seg show little or no infection.
 *
 * <p>{@link #write} writes the lines as a COVIDx-CT split file with the collection in the seventh
 * column ({@link SliceCollection}) and an {@code images/} folder of symbolic links beside it, so
 * that slices of several folders and split files make one split that every reader takes.
 */
public final class MaskLabels {
  /** The default share of a slice's pixels in its mask above which it shows visible infection. */
  public static final double DEFAULT_MIN_LESION_FRACTION = 0.002;

  /** The class of a slice with visible infection. */
  public static final int COVID = 2;

  /** The class of a slice without. */
  public static final int NORMAL = 0;

  private MaskLabels() {}

  /**
   * One slice of the split to write.
   *
   * @param image the image file
   * @param label 0 Normal, 1 CP, 2 COVID-19
   * @param box xmin, ymin, xmax, ymax (exclusive) in original pixels
   * @param collection the slice's collection ({@link SliceCollection})
   * @param lesionFraction the share of its pixels in the mask; NaN for a slice of a split file
   */
  public record Line(Path image, int label, int[] box, String collection, double lesionFraction) {
    /** The split line: {@code filename class xmin ymin xmax ymax collection}. */
    public String text() {
      return String.format(
          Locale.ROOT,
          "%s %d %d %d %d %d %s",
          image.getFileName(),
          label,
          box[0],
          box[1],
          box[2],
          box[3],
          collection);
    }
  }

  /** The class of a slice whose mask covers {@code fraction} of it. */
  public static int label(double fraction, double minLesionFraction) {
    return fraction >= minLesionFraction ? COVID : NORMAL;
  }

  /** The share of the mask's pixels that are lesion (values 2 and 3). */
  public static double lesionFraction(String source, ImageDecoder.LabelImage mask) {
    byte[] lesion = LesionMask.lesions(source, mask);
    int n = 0;
    for (byte b : lesion) {
      n += b;
    }
    return (double) n / lesion.length;
  }

  /**
   * Every slice of segmentation folder {@code dir} ({@code images/} and {@code masks/}), labelled
   * by its mask's lesion fraction, the whole slice as its box.
   */
  public static List<Line> fromSegmentationFolder(Path dir, double minLesionFraction) {
    checkFraction(minLesionFraction);
    SegmentationFolder folder = SegmentationFolder.open(dir);
    List<Line> out = new ArrayList<>();
    for (int i = 0; i < folder.size(); i++) {
      Path maskPath = folder.maskPath(i);
      ImageDecoder.LabelImage mask = ImageDecoder.decodeLabels(maskPath);
      var image = ImageDecoder.read(folder.imagePath(i));
      String mismatch = LesionMask.sizeMismatch(mask, image.getWidth(), image.getHeight());
      if (mismatch != null) {
        throw new DataException(maskPath.toString(), mismatch);
      }
      double fraction = lesionFraction(maskPath.toString(), mask);
      out.add(
          new Line(
              folder.imagePath(i),
              label(fraction, minLesionFraction),
              new int[] {0, 0, mask.width(), mask.height()},
              SliceCollection.of(folder, i),
              fraction));
    }
    return out;
  }

  /** The slices of a COVIDx-CT split file, as they are labelled there. */
  public static List<Line> fromSplit(Path splitFile) {
    CovidxSplit split = CovidxSplit.open(splitFile);
    List<Line> out = new ArrayList<>();
    for (int i = 0; i < split.size(); i++) {
      CovidxSplit.Entry e = split.entry(i);
      out.add(
          new Line(
              split.imagePath(i),
              e.label(),
              new int[] {e.xmin(), e.ymin(), e.xmax(), e.ymax()},
              SliceCollection.of(split, i),
              Double.NaN));
    }
    return out;
  }

  /**
   * Writes {@code lines} to {@code splitFile} and links each image into the {@code images/} folder
   * beside it (created; a link already there to the same file is kept). Two images of one name from
   * different files are an error naming both.
   */
  public static void write(List<Line> lines, Path splitFile) {
    Path images = splitFile.toAbsolutePath().getParent().resolve("images");
    Map<String, Path> seen = new HashMap<>();
    for (Line l : lines) {
      String name = l.image().getFileName().toString();
      Path target = l.image().toAbsolutePath().normalize();
      Path before = seen.putIfAbsent(name, target);
      if (before != null && !before.equals(target)) {
        throw new DataException(
            name, "two images of this name: " + before + " and " + target + " (rename one)");
      }
    }
    try {
      Files.createDirectories(images);
      for (var e : seen.entrySet()) {
        Path link = images.resolve(e.getKey());
        if (Files.isSymbolicLink(link)) {
          if (Files.readSymbolicLink(link).equals(e.getValue())) {
            continue;
          }
          Files.delete(link);
        } else if (Files.exists(link)) {
          throw new DataException(
              link.toString(), "exists and is not a link: choose another --out folder");
        }
        Files.createSymbolicLink(link, e.getValue());
      }
      List<String> text = new ArrayList<>();
      lines.forEach(l -> text.add(l.text()));
      Files.write(splitFile, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DataException(splitFile.toString(), "cannot write: " + e.getMessage(), e);
    }
  }

  /** Slices per collection and class, e.g. {@code medseg: 50 COVID-19; radiopaedia: ...}. */
  public static String summary(List<Line> lines) {
    TreeMap<String, int[]> counts = new TreeMap<>();
    for (Line l : lines) {
      counts
          .computeIfAbsent(l.collection(), k -> new int[ClassificationExample.CLASSES])[
          l.label()]++;
    }
    List<String> parts = new ArrayList<>();
    String[] names = ClassificationExample.CLASS_NAMES;
    for (var e : counts.entrySet()) {
      List<String> c = new ArrayList<>();
      for (int k = 0; k < names.length; k++) {
        if (e.getValue()[k] > 0) {
          c.add(e.getValue()[k] + " " + names[k]);
        }
      }
      parts.add(e.getKey() + ": " + String.join(", ", c));
    }
    return String.join("; ", parts);
  }

  private static void checkFraction(double f) {
    if (!(f > 0 && f <= 1)) {
      throw new DataException(
          "--min-lesion-fraction", "must be in (0, 1], got " + f + " (e.g. 0.002)");
    }
  }
}
