package ssm.experiments.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import ssm.data.CovidxSplit;
import ssm.data.LazyDataset;
import ssm.data.ReaderOptions;
import ssm.data.SegmentationFolder;
import ssm.data.SliceCollection;
import ssm.settings.Settings;

/**
 * Checks a run's data before anything trains ({@code ssm data check}, and once at the start of
 * {@code ssm grid}, {@code sweep} and {@code train}): the folders and split files the user named
 * exist and have the layout the commands expect, every set opens with the readers training uses
 * (listing, masks present, split lines, files exist) and its first slice decodes. A problem ends in
 * one {@link IllegalArgumentException} naming the path and the expected layout, so a wrong path
 * fails in a second instead of in every variant of a grid.
 */
public final class DataCheck {
  /** The layout of {@code --seg-data}, as every message states it. */
  public static final String SEG_LAYOUT =
      "DIR/train/{images,masks} and DIR/test/{images,masks} "
          + "(optional DIR/val/{images,masks}; imgs/ for images/ too), or DIR/{images,masks} for "
          + "training only (a validation split is then cut from it)";

  private DataCheck() {}

  /**
   * One set that opened: its role, where it is, how many slices it has and how many of them each
   * collection holds ({@link SliceCollection}, in name order).
   */
  public record Set(String role, Path path, int slices, Map<String, Integer> collections) {
    /** {@code medseg 40, radiopaedia 10}. */
    public String collectionCounts() {
      List<String> parts = new ArrayList<>();
      collections.forEach((k, v) -> parts.add(k + " " + v));
      return String.join(", ", parts);
    }
  }

  /**
   * Checks the paths the user gave ({@code --seg-data}, {@code --cls-data}; null: not given) before
   * {@link DataSources#resolve} reads them (it takes a folder without train/ as a training-only
   * folder, so a misspelt one would only fail later, as DIR/images).
   */
  public static void checkPaths(Path segData, Path clsData) {
    if (segData != null) {
      checkSegRoot(segData);
    }
    if (clsData != null) {
      checkSplitFile(clsData);
    }
  }

  /** Opens every set of {@code sources}; prints one line per set to {@code err}. */
  public static List<Set> check(DataSources sources, Settings settings, PrintWriter err) {
    ReaderOptions options = DataSources.readerOptions(settings);
    List<Set> sets = new ArrayList<>();
    seg(sets, "segmentation train", sources.segTrain(), options);
    seg(sets, "segmentation val", sources.segVal(), options);
    seg(sets, "segmentation test", sources.segTest(), options);
    cls(sets, "classification train", sources.clsTrain(), options);
    cls(sets, "classification val", sources.clsVal(), options);
    cls(sets, "classification test", sources.clsTest(), options);
    for (Set s : sets) {
      err.printf(
          "data: %-21s %6d slices  %s  (collections: %s)%n",
          s.role(), s.slices(), s.path(), s.collectionCounts());
    }
    if (sources.segTest() == null) {
      err.println(
          "data: no segmentation test split: the grid evaluates on the validation split"
              + " ("
              + SEG_LAYOUT
              + ")");
    }
    if (sources.clsTest() == null) {
      err.println(
          "data: no classification test split (a file beside "
              + sources.clsTrain()
              + " named with 'test' for 'train'): the grid evaluates on the validation split");
    }
    err.flush();
    return sets;
  }

  private static void checkSegRoot(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException(
          "--seg-data "
              + dir
              + ": "
              + (Files.exists(dir) ? "not a folder" : "no such folder")
              + "; expected "
              + SEG_LAYOUT
              + " (docs/how-to/paper-data.md)");
    }
    boolean split = Files.isDirectory(dir.resolve("train"));
    boolean single = SegmentationFolder.imagesDir(dir) != null;
    if (!split && !single) {
      throw new IllegalArgumentException(
          "--seg-data "
              + dir
              + " has neither train/ nor images/ "
              + "(it holds "
              + listing(dir)
              + "); expected "
              + SEG_LAYOUT
              + " (docs/how-to/paper-data.md)");
    }
  }

  private static void checkSplitFile(Path file) {
    if (Files.isDirectory(file)) {
      throw new IllegalArgumentException(
          "--cls-data "
              + file
              + " is a folder; it takes the "
              + "training split FILE (e.g. data/covidx-ct/train_COVIDx_CT-2A.txt), its images in a "
              + "folder beside it (docs/how-to/paper-data.md)");
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "--cls-data "
              + file
              + ": no such file; it takes the "
              + "COVIDx-CT training split file, e.g. data/covidx-ct/train_COVIDx_CT-2A.txt "
              + "(docs/how-to/paper-data.md)");
    }
  }

  private static void seg(List<Set> sets, String role, Path dir, ReaderOptions options) {
    if (dir != null) {
      sets.add(open(role, dir, new SegmentationFolder(dir, options)));
    }
  }

  private static void cls(List<Set> sets, String role, Path split, ReaderOptions options) {
    if (split != null) {
      sets.add(
          open(role, split, new CovidxSplit(split, CovidxSplit.defaultImagesDir(split), options)));
    }
  }

  /** The set after decoding its first slice (a format problem shows here, not in epoch 1). */
  private static Set open(String role, Path path, LazyDataset<?> data) {
    if (data.size() == 0) {
      throw new IllegalArgumentException(role + " set " + path + " has no slices");
    }
    data.load(0);
    return new Set(role, path, data.size(), SliceCollection.counts(data));
  }

  private static String listing(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      List<String> names =
          s.map(p -> p.getFileName() + (Files.isDirectory(p) ? "/" : "")).sorted().toList();
      if (names.isEmpty()) {
        return "nothing";
      }
      return String.join(", ", names.subList(0, Math.min(6, names.size())))
          + (names.size() > 6 ? ", ... (" + names.size() + " entries)" : "");
    } catch (IOException e) {
      return "an unreadable listing: " + e.getMessage();
    }
  }
}
