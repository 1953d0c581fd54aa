package ssm.experiments.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import ssm.data.CovidxSplit;
import ssm.data.DataException;
import ssm.data.SegmentationFolder;
import ssm.data.SliceCollection;

/**
 * A seeded validation split cut from data that has none: {@value #FRACTION} of the segmentation
 * slices (rounded, at least one, at least one left for training) and the same fraction of each
 * class of the classification split (stratified). Written under {@code DIR}:
 *
 * <pre>
 * DIR/seg/train/{images,masks}/  DIR/seg/val/{images,masks}/   symbolic links to the user's files
 * DIR/cls/train.txt  DIR/cls/val.txt  DIR/cls/images -> the user's images folder
 * DIR/split.json                                               which slice went where, and why
 * </pre>
 *
 * The same seed and data give the same split (the slices are sorted by name, then shuffled by
 * {@code java.util.Random(seed)}), so a resumed run gets the split it started with.
 *
 * <p>With held-out collections ({@link HeldOutCollections}, {@code data.validation-collections}), a
 * set that holds any of them validates on their slices whole instead, and split.json records which
 * collections trained and which validated.
 */
public record ValidationSplit(
    Path segTrain, Path segVal, Path clsTrain, Path clsVal, String summary) {
  /** The share of the slices that goes to validation. */
  public static final double FRACTION = 0.2;

  /** The file, in the split's folder, that records which slice went where. */
  public static final String RECORD = "split.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * Cuts the split of {@code segFolder} (a segmentation folder, or null) and {@code clsSplit} (a
   * COVIDx-CT split file, or null) into {@code dir}, replacing what was there.
   */
  public static ValidationSplit write(
      Path dir, Path segFolder, Path clsSplit, double fraction, long seed) {
    return write(dir, segFolder, clsSplit, fraction, seed, new HeldOutCollections(List.of()));
  }

  /**
   * As {@link #write(Path, Path, Path, double, long)}, a set's validation split being its slices of
   * the {@code heldOut} collections where it holds any; split.json records the collections each
   * part holds.
   */
  public static ValidationSplit write(
      Path dir,
      Path segFolder,
      Path clsSplit,
      double fraction,
      long seed,
      HeldOutCollections heldOut) {
    SegmentationFolder f = segFolder == null ? null : SegmentationFolder.open(segFolder);
    List<String> lines = clsSplit == null ? null : splitLines(clsSplit);
    if (heldOut.any()) {
      checkHeldOut(heldOut, f, lines, clsSplit);
    }
    try {
      deleteRecursively(dir);
      Files.createDirectories(dir);
      ObjectNode root = JSON.createObjectNode();
      root.put("seed", seed);
      root.put("fraction", fraction);
      root.put(
          "rule",
          "sorted by file name, shuffled with java.util.Random(seed), the first "
              + "round(fraction * n) to validation (classification: per class)"
              + (heldOut.any()
                  ? "; a set holding any of validation_collections validates on those"
                      + " collections' slices whole instead"
                  : ""));
      heldOut.names().forEach(root.putArray("validation_collections")::add);
      List<String> summary = new ArrayList<>();
      Path segTrain = null;
      Path segVal = null;
      if (segFolder != null) {
        List<Integer> held = heldOut.validation(f);
        boolean[] toVal = new boolean[f.size()];
        if (held.isEmpty()) {
          List<Integer> order = new ArrayList<>();
          for (int i = 0; i < f.size(); i++) {
            order.add(i);
          }
          Collections.shuffle(order, new Random(seed));
          int nVal = validationCount(f.size(), fraction, segFolder);
          order.subList(0, nVal).forEach(i -> toVal[i] = true);
        } else {
          held.forEach(i -> toVal[i] = true);
        }
        segTrain = dir.resolve("seg/train");
        segVal = dir.resolve("seg/val");
        List<String> train = new ArrayList<>();
        List<String> val = new ArrayList<>();
        TreeSet<String> trainCollections = new TreeSet<>();
        TreeSet<String> valCollections = new TreeSet<>();
        for (int i = 0; i < f.size(); i++) {
          Path to = toVal[i] ? segVal : segTrain;
          (toVal[i] ? val : train).add(f.id(i));
          (toVal[i] ? valCollections : trainCollections).add(SliceCollection.of(f, i));
          link(to.resolve("images").resolve(f.id(i)), f.imagePath(i));
          link(to.resolve("masks").resolve(f.maskPath(i).getFileName()), f.maskPath(i));
        }
        Files.createDirectories(segTrain.resolve("images"));
        Files.createDirectories(segTrain.resolve("masks"));
        ObjectNode seg = root.putObject("segmentation");
        seg.put("source", segFolder.toAbsolutePath().normalize().toString());
        Collections.sort(train);
        Collections.sort(val);
        train.forEach(seg.putArray("train")::add);
        val.forEach(seg.putArray("val")::add);
        trainCollections.forEach(seg.putArray("train_collections")::add);
        valCollections.forEach(seg.putArray("val_collections")::add);
        summary.add(
            String.format(Locale.ROOT, "segmentation %d train / %d val", train.size(), val.size()));
      }
      Path clsTrain = null;
      Path clsVal = null;
      if (clsSplit != null) {
        TreeMap<String, List<String>> byClass = new TreeMap<>();
        for (String l : lines) {
          String[] v = l.split("\\s+");
          if (v.length < 2) {
            throw new DataException(
                clsSplit.getFileName().toString(), "line '" + l + "' has no class field");
          }
          byClass.computeIfAbsent(v[1], k -> new ArrayList<>()).add(l);
        }
        Random random = new Random(seed);
        List<String> train = new ArrayList<>();
        List<String> val = new ArrayList<>();
        ObjectNode cls = root.putObject("classification");
        cls.put("source", clsSplit.toAbsolutePath().normalize().toString());
        ObjectNode counts = cls.putObject("val_per_class");
        boolean byCollection = lines.stream().anyMatch(heldOut::heldOut);
        for (var e : byClass.entrySet()) {
          List<String> c = new ArrayList<>(e.getValue());
          if (byCollection) {
            c.forEach(l -> (heldOut.heldOut(l) ? val : train).add(l));
            counts.put(e.getKey(), c.stream().filter(heldOut::heldOut).count());
            continue;
          }
          Collections.shuffle(c, random);
          int nVal = validationCount(c.size(), fraction, clsSplit);
          val.addAll(c.subList(0, nVal));
          train.addAll(c.subList(nVal, c.size()));
          counts.put(e.getKey(), nVal);
        }
        Collections.sort(train);
        Collections.sort(val);
        Path clsDir = dir.resolve("cls");
        Files.createDirectories(clsDir);
        clsTrain = clsDir.resolve("train.txt");
        clsVal = clsDir.resolve("val.txt");
        Files.write(clsTrain, train, StandardCharsets.UTF_8);
        Files.write(clsVal, val, StandardCharsets.UTF_8);
        Files.createSymbolicLink(
            clsDir.resolve("images"),
            CovidxSplit.defaultImagesDir(clsSplit).toAbsolutePath().normalize());
        val.forEach(l -> cls.withArray("val").add(l.split("\\s+")[0]));
        train.forEach(l -> cls.withArray("train").add(l.split("\\s+")[0]));
        collections(train).forEach(cls.putArray("train_collections")::add);
        collections(val).forEach(cls.putArray("val_collections")::add);
        summary.add(
            String.format(
                Locale.ROOT, "classification %d train / %d val", train.size(), val.size()));
      }
      if (heldOut.any()) {
        summary.add("validation collections " + String.join(", ", heldOut.names()));
      }
      JSON.writeValue(dir.resolve(RECORD).toFile(), root);
      return new ValidationSplit(segTrain, segVal, clsTrain, clsVal, String.join(", ", summary));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the validation split under " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The split file's item lines, sorted. */
  static List<String> splitLines(Path clsSplit) {
    try {
      return Files.readAllLines(clsSplit, StandardCharsets.UTF_8).stream()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + clsSplit + ": " + e.getMessage(), e);
    }
  }

  private static TreeSet<String> collections(List<String> splitLines) {
    TreeSet<String> out = new TreeSet<>();
    splitLines.forEach(l -> out.add(SliceCollection.ofSplitLine(l)));
    return out;
  }

  /** {@link #checkHeldOut(HeldOutCollections, SegmentationFolder, List, Path)} of these sets. */
  static void checkHeldOut(HeldOutCollections heldOut, Path segFolder, Path clsSplit) {
    checkHeldOut(
        heldOut,
        segFolder == null ? null : SegmentationFolder.open(segFolder),
        clsSplit == null ? null : splitLines(clsSplit),
        clsSplit);
  }

  /** Before anything is written: the held-out collections exist, and every set keeps some. */
  private static void checkHeldOut(
      HeldOutCollections heldOut, SegmentationFolder seg, List<String> lines, Path clsSplit) {
    TreeSet<String> found = new TreeSet<>();
    List<String> empty = new ArrayList<>();
    if (seg != null) {
      for (int i = 0; i < seg.size(); i++) {
        found.add(SliceCollection.of(seg, i));
      }
      if (heldOut.validation(seg).size() == seg.size()) {
        empty.add("segmentation set " + seg.dir());
      }
    }
    if (lines != null) {
      found.addAll(collections(lines));
      if (lines.stream().allMatch(heldOut::heldOut)) {
        empty.add("classification split " + clsSplit);
      }
    }
    heldOut.check(found, empty);
  }

  /** {@code round(fraction * n)}, at least 1 and at most {@code n - 1}. */
  static int validationCount(int n, double fraction, Path source) {
    if (n < 2) {
      throw new DataException(
          source.toString(),
          "cannot cut a validation split from "
              + n
              + " item(s) (of one class): give a validation split or more data");
    }
    return (int) Math.max(1, Math.min(n - 1, Math.round(fraction * n)));
  }

  private static void link(Path link, Path target) throws IOException {
    Files.createDirectories(link.getParent());
    Files.createSymbolicLink(link, target.toAbsolutePath().normalize());
  }

  private static void deleteRecursively(Path p) throws IOException {
    if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (var walk = Files.walk(p)) {
      for (Path q : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }
}
