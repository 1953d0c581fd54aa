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
import ssm.data.CovidxSplit;
import ssm.data.DataException;
import ssm.data.SegmentationFolder;

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
    try {
      deleteRecursively(dir);
      Files.createDirectories(dir);
      ObjectNode root = JSON.createObjectNode();
      root.put("seed", seed);
      root.put("fraction", fraction);
      root.put(
          "rule",
          "sorted by file name, shuffled with java.util.Random(seed), the first "
              + "round(fraction * n) to validation (classification: per class)");
      List<String> summary = new ArrayList<>();
      Path segTrain = null;
      Path segVal = null;
      if (segFolder != null) {
        SegmentationFolder f = SegmentationFolder.open(segFolder);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < f.size(); i++) {
          order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        int nVal = validationCount(f.size(), fraction, segFolder);
        segTrain = dir.resolve("seg/train");
        segVal = dir.resolve("seg/val");
        List<String> train = new ArrayList<>();
        List<String> val = new ArrayList<>();
        for (int k = 0; k < order.size(); k++) {
          int i = order.get(k);
          Path to = k < nVal ? segVal : segTrain;
          (k < nVal ? val : train).add(f.id(i));
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
        summary.add(
            String.format(Locale.ROOT, "segmentation %d train / %d val", train.size(), val.size()));
      }
      Path clsTrain = null;
      Path clsVal = null;
      if (clsSplit != null) {
        List<String> lines =
            Files.readAllLines(clsSplit, StandardCharsets.UTF_8).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .sorted()
                .toList();
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
        for (var e : byClass.entrySet()) {
          List<String> c = new ArrayList<>(e.getValue());
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
        summary.add(
            String.format(
                Locale.ROOT, "classification %d train / %d val", train.size(), val.size()));
      }
      JSON.writeValue(dir.resolve(RECORD).toFile(), root);
      return new ValidationSplit(segTrain, segVal, clsTrain, clsVal, String.join(", ", summary));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the validation split under " + dir + ": " + e.getMessage(), e);
    }
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
