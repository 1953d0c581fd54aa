package ssm.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Text statistics of a dataset: images per class for classification data; slices, negatives,
 * lesions per image and a lesion-area histogram (original pixels) for segmentation data. Accepts
 * the synthetic layout ({@code DIR/seg/<split>/} folders and {@code DIR/cls/*.txt} split files),
 * a single segmentation folder ({@code images/} + {@code masks/}), a COVIDx-CT split file, or a
 * folder of class-prefixed images. Reads masks and split files only, never the slices.
 */
public final class DatasetStats {
  private static final int BAR = 40;

  private DatasetStats() {}

  /** Segmentation statistics: slices, lesion count per slice, lesion areas. */
  public record SegmentationStats(int slices, int[] lesionsPerImage, int[] areas, int bad) {
    /** Slices without lesion instances. */
    public int negatives() {
      return (int) java.util.Arrays.stream(lesionsPerImage).filter(n -> n == 0).count();
    }
  }

  /** The report for {@code path} (see the class comment); bad items are counted, not fatal. */
  public static String report(Path path, int minLesionArea) {
    StringBuilder sb = new StringBuilder();
    ReaderOptions options = ReaderOptions.defaults().withMinLesionArea(minLesionArea)
        .withSkipBad(true);
    if (Files.isRegularFile(path)) {
      classification(sb, path.getFileName().toString(), CovidxSplit.open(path));
    } else if (Files.isDirectory(path.resolve("images")) && Files.isDirectory(path.resolve("masks"))) {
      segmentation(sb, path.toString(), new SegmentationFolder(path, options), minLesionArea);
    } else if (Files.isDirectory(path.resolve("seg")) || Files.isDirectory(path.resolve("cls"))) {
      for (Path split : children(path.resolve("seg"), Files::isDirectory)) {
        segmentation(sb, "seg/" + split.getFileName(), new SegmentationFolder(split, options),
            minLesionArea);
      }
      for (Path split : children(path.resolve("cls"), p -> p.toString().endsWith(".txt"))) {
        Path images = CovidxSplit.defaultImagesDir(split);
        classification(sb, "cls/" + split.getFileName(), new CovidxSplit(split, images, options));
      }
    } else if (Files.isDirectory(path)) {
      ClassPrefixedFolder f = new ClassPrefixedFolder(path, options);
      int[] counts = new int[ClassificationExample.CLASSES];
      for (int i = 0; i < f.size(); i++) {
        counts[f.label(i)]++;
      }
      classCounts(sb, path.toString(), counts, f.badItems());
    } else {
      throw new DataException(path.toString(), "no such file or folder");
    }
    return sb.toString();
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
    return new SegmentationStats(f.size() - bad, perImage,
        areas.stream().mapToInt(Integer::intValue).toArray(), f.badItems().count());
  }

  private static void segmentation(StringBuilder sb, String name, SegmentationFolder f,
      int minArea) {
    SegmentationStats s = segmentation(f);
    int lesions = s.areas().length;
    sb.append(String.format(Locale.ROOT, "%s: %d slices, %d lesions (area > %d px), "
        + "%d negatives, %.2f lesions per slice%n", name, s.slices(), lesions, minArea,
        s.negatives(), s.slices() == 0 ? 0.0 : (double) lesions / s.slices()));
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
      String label = edges[k + 1] == Integer.MAX_VALUE ? ">" + edges[k]
          : (edges[k] + 1) + "-" + edges[k + 1];
      bar(sb, label, areaHist[k], lesions);
    }
    if (f.badItems().count() > 0) {
      sb.append("  ").append(f.badItems().summary().replace("\n", "\n  ")).append('\n');
    }
  }

  private static void classification(StringBuilder sb, String name, CovidxSplit split) {
    int[] counts = new int[ClassificationExample.CLASSES];
    for (int i = 0; i < split.size(); i++) {
      counts[split.entry(i).label()]++;
    }
    classCounts(sb, name, counts, split.badItems());
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
