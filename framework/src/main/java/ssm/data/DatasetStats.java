package ssm.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Text statistics of a dataset: images per class for classification data; slices, negatives,
 * lesions per image, a lesion-area histogram (original pixels) and the lesions' box sides at the
 * model's input size for segmentation data; for both, every image decoded: sizes (min / median /
 * max), colour modes, unreadable files by name and masks whose size differs from their image's
 * ({@link ImageScan}). Accepts the synthetic layout ({@code DIR/seg/<split>/} folders and {@code
 * DIR/cls/*.txt} split files), a single segmentation folder ({@code images/} or {@code imgs/}, and
 * {@code masks/}), a COVIDx-CT split file, or a folder of class-prefixed images.
 */
public final class DatasetStats {
  private static final int BAR = 40;

  private DatasetStats() {}

  /**
   * A report: the text, and the messages of the files that could not be decoded (a command fails
   * when there is any).
   */
  public record Report(String text, List<String> unreadable) {
    public Report {
      unreadable = List.copyOf(unreadable);
    }
  }

  /** Segmentation statistics: slices, lesion count per slice, lesion areas. */
  public record SegmentationStats(int slices, int[] lesionsPerImage, int[] areas, int bad) {
    /** Slices without lesion instances. */
    public int negatives() {
      return (int) java.util.Arrays.stream(lesionsPerImage).filter(n -> n == 0).count();
    }
  }

  /** The text of {@link #report(Path, int, Resizer)} at the default input size. */
  public static String report(Path path, int minLesionArea) {
    return report(path, minLesionArea, Resizer.defaults()).text();
  }

  /**
   * The report for {@code path} (see the class comment); bad items are counted, not fatal. Lesion
   * box sides are given at the input size of {@code input} (the model's transform).
   */
  public static Report report(Path path, int minLesionArea, Resizer input) {
    StringBuilder sb = new StringBuilder();
    List<String> unreadable = new ArrayList<>();
    ReaderOptions options =
        ReaderOptions.defaults().withMinLesionArea(minLesionArea).withSkipBad(true);
    if (Files.isRegularFile(path)) {
      classification(sb, path.getFileName().toString(), CovidxSplit.open(path), unreadable);
    } else if (SegmentationFolder.isSegmentationFolder(path)) {
      segmentation(
          sb,
          path.toString(),
          new SegmentationFolder(path, options),
          minLesionArea,
          input,
          unreadable);
    } else if (Files.isDirectory(path.resolve("seg")) || Files.isDirectory(path.resolve("cls"))) {
      for (Path split : children(path.resolve("seg"), Files::isDirectory)) {
        segmentation(
            sb,
            "seg/" + split.getFileName(),
            new SegmentationFolder(split, options),
            minLesionArea,
            input,
            unreadable);
      }
      for (Path split : children(path.resolve("cls"), p -> p.toString().endsWith(".txt"))) {
        Path images = CovidxSplit.defaultImagesDir(split);
        classification(
            sb, "cls/" + split.getFileName(), new CovidxSplit(split, images, options), unreadable);
      }
    } else if (Files.isDirectory(path)) {
      ClassPrefixedFolder f = new ClassPrefixedFolder(path, options);
      int[] counts = new int[ClassificationExample.CLASSES];
      ImageScan scan = new ImageScan();
      for (int i = 0; i < f.size(); i++) {
        counts[f.label(i)]++;
        scan.image(path.resolve(f.id(i)));
      }
      classCounts(sb, path.toString(), counts, f.badItems());
      scan.appendTo(sb);
      unreadable.addAll(scan.unreadable());
    } else {
      throw new DataException(path.toString(), "no such file or folder");
    }
    return new Report(sb.toString(), unreadable);
  }

  /** Statistics of a segmentation folder (bad items are skipped when its options say so). */
  public static SegmentationStats segmentation(SegmentationFolder f) {
    int[] perImage = new int[f.size()]; // a bad slice counts as 0 here but not in slices
    java.util.List<Integer> areas = new java.util.ArrayList<>();
    int bad = 0;
    for (int i = 0; i < f.size(); i++) {
      try {
        LesionMask.Instances inst = f.instances(i);
        perImage[i] = inst.count();
        for (int a : inst.areas()) {
          areas.add(a);
        }
      } catch (DataException e) {
        if (!f.skipBad()) {
          throw e;
        }
        f.badItems().add(e);
        bad++;
      }
    }
    return new SegmentationStats(
        f.size() - bad,
        perImage,
        areas.stream().mapToInt(Integer::intValue).toArray(),
        f.badItems().count());
  }

  private static void segmentation(
      StringBuilder sb,
      String name,
      SegmentationFolder f,
      int minArea,
      Resizer input,
      List<String> unreadable) {
    ImageScan scan = new ImageScan();
    List<Double> sides = new ArrayList<>(); // sqrt(box w * box h) at the input size
    for (int i = 0; i < f.size(); i++) {
      int[] wh = scan.image(f.imagePath(i));
      scan.mask(f.maskPath(i), f.id(i), wh);
      if (wh == null) {
        continue;
      }
      int[] out = input.outputSize(wh[1], wh[0]);
      double sx = (double) out[1] / wh[0];
      double sy = (double) out[0] / wh[1];
      try {
        float[] b = f.instances(i).boxes();
        for (int k = 0; k < b.length; k += 4) {
          sides.add(Math.sqrt((b[k + 2] - b[k]) * sx * (b[k + 3] - b[k + 1]) * sy));
        }
      } catch (DataException e) {
        // counted by segmentation(f) below
      }
    }
    SegmentationStats s = segmentation(f);
    int lesions = s.areas().length;
    sb.append(
        String.format(
            Locale.ROOT,
            "%s: %d slices, %d lesions (area > %d px), " + "%d negatives, %.2f lesions per slice%n",
            name,
            s.slices(),
            lesions,
            minArea,
            s.negatives(),
            s.slices() == 0 ? 0.0 : (double) lesions / s.slices()));
    int maxCount = 0;
    for (int n : s.lesionsPerImage()) {
      maxCount = Math.max(maxCount, n);
    }
    int[] hist = new int[Math.min(maxCount, 10) + 1];
    for (int n : s.lesionsPerImage()) {
      hist[Math.min(n, 10)]++;
    }
    sb.append("  lesions per slice\n");
    for (int k = 0; k < hist.length; k++) {
      bar(sb, (k == 10 ? ">=10" : String.valueOf(k)), hist[k], s.lesionsPerImage().length);
    }
    int[] edges = {minArea, 200, 500, 1000, 2000, 5000, 10000, 20000, Integer.MAX_VALUE};
    int[] areaHist = new int[edges.length - 1];
    for (int a : s.areas()) {
      for (int k = 0; k < areaHist.length; k++) {
        if (a > edges[k] && a <= edges[k + 1]) {
          areaHist[k]++;
          break;
        }
      }
    }
    sb.append("  lesion area (px)\n");
    for (int k = 0; k < areaHist.length; k++) {
      if (edges[k + 1] <= edges[k]) {
        continue;
      }
      String label =
          edges[k + 1] == Integer.MAX_VALUE ? ">" + edges[k] : (edges[k] + 1) + "-" + edges[k + 1];
      bar(sb, label, areaHist[k], lesions);
    }
    lesionSides(sb, sides, input);
    if (f.badItems().count() > 0) {
      sb.append("  ").append(f.badItems().summary().replace("\n", "\n  ")).append('\n');
    }
    scan.appendTo(sb);
    unreadable.addAll(scan.unreadable());
  }

  /** Histogram of the lesion boxes' {@code sqrt(w * h)} at the model's input size. */
  private static void lesionSides(StringBuilder sb, List<Double> sides, Resizer input) {
    double[] v = sides.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    if (v.length == 0) {
      return;
    }
    sb.append(
        String.format(
            Locale.ROOT,
            "  lesion box side sqrt(w*h) after the input transform "
                + "(min-size %d, max-size %d): min %.1f / median %.1f / max %.1f px%n",
            input.minSize(),
            input.maxSize(),
            v[0],
            v[(v.length - 1) / 2],
            v[v.length - 1]));
    int[] edges = {0, 8, 16, 32, 64, 128, 256, Integer.MAX_VALUE};
    for (int k = 0; k + 1 < edges.length; k++) {
      int lo = edges[k];
      int hi = edges[k + 1];
      int n = (int) java.util.Arrays.stream(v).filter(x -> x >= lo && x < hi).count();
      bar(sb, hi == Integer.MAX_VALUE ? ">=" + lo : lo + "-" + hi, n, v.length);
    }
  }

  private static void classification(
      StringBuilder sb, String name, CovidxSplit split, List<String> unreadable) {
    int[] counts = new int[ClassificationExample.CLASSES];
    ImageScan scan = new ImageScan();
    for (int i = 0; i < split.size(); i++) {
      counts[split.entry(i).label()]++;
      scan.image(split.imagePath(i));
    }
    classCounts(sb, name, counts, split.badItems());
    scan.appendTo(sb);
    unreadable.addAll(scan.unreadable());
  }

  private static void classCounts(StringBuilder sb, String name, int[] counts, BadItems bad) {
    int total = 0;
    for (int c : counts) {
      total += c;
    }
    sb.append(String.format(Locale.ROOT, "%s: %d images%n", name, total));
    for (int c = 0; c < counts.length; c++) {
      bar(sb, c + " " + ClassificationExample.CLASS_NAMES[c], counts[c], total);
    }
    if (bad.count() > 0) {
      sb.append("  ").append(bad.summary().replace("\n", "\n  ")).append('\n');
    }
  }

  private static void bar(StringBuilder sb, String label, int n, int total) {
    int len = total == 0 ? 0 : (int) Math.round((double) BAR * n / total);
    sb.append(String.format(Locale.ROOT, "    %-12s %6d  %s%n", label, n, "#".repeat(len)));
  }

  private static List<Path> children(Path dir, java.util.function.Predicate<Path> keep) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(keep).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
