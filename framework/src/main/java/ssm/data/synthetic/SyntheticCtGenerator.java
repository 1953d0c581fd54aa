package ssm.data.synthetic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import ssm.data.PngWriter;
import ssm.util.Check;

/**
 * Writes a synthetic dataset in the REAL formats, so the same readers serve both:
 *
 * <pre>
 * OUT/seg/train/images/seg_00000.png   OUT/seg/train/masks/seg_00000.png   (80% of --seg)
 * OUT/seg/test/images/...              OUT/seg/test/masks/...              (20%)
 * OUT/cls/images/2_cls_00000.png ...   (class-prefixed names: also a reference-style folder)
 * OUT/cls/train.txt  val.txt  test.txt (COVIDx-CT lines: file class xmin ymin xmax ymax, body box)
 * OUT/README.txt                       (the options used, for people)
 * OUT/dataset.json                     (the same, for programs: {@link SyntheticDescriptor})
 * </pre>
 *
 * Segmentation slices are 50% COVID-19, 30% CP and 20% Normal (lesion-free negatives), by index
 * modulo 10; classification slices cycle Normal, CP, COVID-19 so each split is balanced, the first
 * 60% train, then 20% val, 20% test. Each slice's content depends only on (seed, kind, index): the
 * output is byte-identical for a seed.
 */
public final class SyntheticCtGenerator {
  /** Generator options: counts of segmentation and classification slices, size, seed. */
  public record Options(int seg, int cls, int size, long seed) {
    public Options {
      Check.that(
          seg >= 0 && cls >= 0, "slice counts must not be negative (seg %s, cls %s)", seg, cls);
      Check.that(size >= 64, "size = %s must be at least 64", size);
    }

    /** 500 segmentation and 300 classification slices of 512x512, seed 1. */
    public static Options defaults() {
      return new Options(500, 300, 512, 1);
    }
  }

  /** What was written: slice counts per split, and the time taken. */
  public record Summary(
      int segTrain, int segTest, int clsTrain, int clsVal, int clsTest, long millis) {
    public int total() {
      return segTrain + segTest + clsTrain + clsVal + clsTest;
    }
  }

  /** Called after each slice with the number written so far and the total. */
  @FunctionalInterface
  public interface Progress {
    void update(int done, int total);
  }

  private static final long SEG = 0x5E6L;
  private static final long CLS = 0xC15L;

  private SyntheticCtGenerator() {}

  /** Class of segmentation slice {@code index}: 5 COVID-19, 3 CP, 2 Normal in every 10. */
  public static int segLabel(int index) {
    int k = index % 10;
    return k < 5 ? SyntheticCtSlice.COVID : k < 8 ? SyntheticCtSlice.CP : SyntheticCtSlice.NORMAL;
  }

  /** Class of classification slice {@code index}: Normal, CP, COVID-19, Normal, ... */
  public static int clsLabel(int index) {
    return index % 3;
  }

  /** Renders segmentation slice {@code index} without writing it. */
  public static SyntheticCtSlice.Rendered segSlice(Options o, int index) {
    return SyntheticCtSlice.render(o.size(), segLabel(index), seed(o.seed(), SEG, index));
  }

  /** Renders classification slice {@code index} without writing it. */
  public static SyntheticCtSlice.Rendered clsSlice(Options o, int index) {
    return SyntheticCtSlice.render(o.size(), clsLabel(index), seed(o.seed(), CLS, index));
  }

  /** Writes the dataset under {@code out} (created if needed; existing files are replaced). */
  public static Summary generate(Path out, Options o, Progress progress) {
    long start = System.nanoTime();
    int segTrain = (int) Math.round(o.seg() * 0.8);
    int clsTrain = (int) Math.round(o.cls() * 0.6);
    int clsVal = (int) Math.round(o.cls() * 0.2);
    int total = o.seg() + o.cls();
    int done = 0;
    try {
      for (int i = 0; i < o.seg(); i++) {
        Path split = out.resolve(i < segTrain ? "seg/train" : "seg/test");
        String name = String.format("seg_%05d.png", i);
        SyntheticCtSlice.Rendered s = segSlice(o, i);
        writePng(split.resolve("images").resolve(name), s.image(), s.size());
        writeMask(split.resolve("masks").resolve(name), s.mask(), s.size());
        progress.update(++done, total);
      }
      if (o.seg() > 0) {
        Files.createDirectories(out.resolve("seg/test/images"));
        Files.createDirectories(out.resolve("seg/test/masks"));
      }
      List<List<String>> lines = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
      for (int i = 0; i < o.cls(); i++) {
        SyntheticCtSlice.Rendered s = clsSlice(o, i);
        String name = String.format("%d_cls_%05d.png", s.label(), i);
        writePng(out.resolve("cls/images").resolve(name), s.image(), s.size());
        int[] b = s.bodyBox();
        int split = i < clsTrain ? 0 : i < clsTrain + clsVal ? 1 : 2;
        lines
            .get(split)
            .add(String.format("%s %d %d %d %d %d", name, s.label(), b[0], b[1], b[2], b[3]));
        progress.update(++done, total);
      }
      if (o.cls() > 0) {
        String[] names = {"train.txt", "val.txt", "test.txt"};
        for (int k = 0; k < 3; k++) {
          Files.write(out.resolve("cls").resolve(names[k]), lines.get(k), StandardCharsets.UTF_8);
        }
      }
      Files.createDirectories(out);
      Files.writeString(
          out.resolve("README.txt"),
          String.format(
              "Synthetic chest-CT dataset (ssm data synth): seg %d, cls %d, size %d, seed %d.%n"
                  + "seg/{train,test}/{images,masks}: CNCB-NCOV layout, mask 0 bg, 1 lung, 2 GGO, "
                  + "3 consolidation.%n"
                  + "cls/images + cls/{train,val,test}.txt: COVIDx-CT split format "
                  + "(file class xmin ymin xmax ymax; 0 Normal, 1 CP, 2 COVID-19).%n",
              o.seg(), o.cls(), o.size(), o.seed()));
      SyntheticDescriptor.of(o).write(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the synthetic dataset under " + out, e);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new Summary(
        segTrain,
        o.seg() - segTrain,
        o.cls() == 0 ? 0 : clsTrain,
        o.cls() == 0 ? 0 : clsVal,
        o.cls() == 0 ? 0 : o.cls() - clsTrain - clsVal,
        millis);
  }

  /** Writes an 8-bit grey PNG (deterministic bytes): fastest deflate for noisy slices. */
  static void writePng(Path file, byte[] pixels, int size) throws IOException {
    PngWriter.writeGrey8(file, pixels, size, size, 1);
  }

  /** Writes a mask PNG: flat regions compress well at the default level. */
  static void writeMask(Path file, byte[] pixels, int size) throws IOException {
    PngWriter.writeGrey8(file, pixels, size, size, 6);
  }

  static long seed(long seed, long kind, int index) {
    long z = seed * 0x9E3779B97F4A7C15L + kind * 0xBF58476D1CE4E5B9L + index;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
