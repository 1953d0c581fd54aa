package ssm.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ssm.data.ClassPrefixedFolder;
import ssm.data.CovidxSplit;
import ssm.data.ImageDecoder;
import ssm.data.LesionMask;
import ssm.data.ReaderOptions;
import ssm.data.SegmentationExample;
import ssm.data.SegmentationFolder;

class SyntheticCtGeneratorTest {
  @TempDir Path dir;

  @Test
  void writesTheRealFormatsThatTheReadersRead() throws Exception {
    var o = new SyntheticCtGenerator.Options(10, 15, 128, 3);
    SyntheticCtGenerator.Summary s = SyntheticCtGenerator.generate(dir, o, (d, t) -> {});
    assertEquals(
        List.of(8, 2, 9, 3, 3),
        List.of(s.segTrain(), s.segTest(), s.clsTrain(), s.clsVal(), s.clsTest()));
    SegmentationFolder seg =
        new SegmentationFolder(
            dir.resolve("seg/train"), ReaderOptions.defaults().withSize(128, 256));
    assertEquals(8, seg.size());
    SegmentationExample ex = seg.load(0); // index 0 is COVID-19
    assertEquals(128, ex.image().height());
    assertTrue(ex.count() >= 1, "COVID-19 slice without an instance");
    assertEquals(
        2, new SegmentationFolder(dir.resolve("seg/test"), ReaderOptions.defaults()).size());
    CovidxSplit train = CovidxSplit.open(dir.resolve("cls/train.txt"));
    assertEquals(9, train.size());
    assertEquals(
        List.of(0, 1, 2),
        List.of(train.entry(0).label(), train.entry(1).label(), train.entry(2).label()));
    assertEquals(512, train.load(0).image().height()); // 128 upscaled by the default resize
    assertEquals(3, CovidxSplit.open(dir.resolve("cls/test.txt")).size());
    ClassPrefixedFolder all =
        new ClassPrefixedFolder(dir.resolve("cls/images"), ReaderOptions.defaults());
    assertEquals(15, all.size());
  }

  @Test
  void sameSeedSameBytes() throws Exception {
    var o = new SyntheticCtGenerator.Options(3, 3, 64, 42);
    SyntheticCtGenerator.generate(dir.resolve("a"), o, (d, t) -> {});
    SyntheticCtGenerator.generate(dir.resolve("b"), o, (d, t) -> {});
    List<Path> files;
    try (Stream<Path> w = Files.walk(dir.resolve("a"))) {
      files = w.filter(Files::isRegularFile).sorted().toList();
    }
    // seg image+mask, cls images, 3 splits, README, dataset.json
    assertEquals(3 * 2 + 3 + 3 + 2, files.size());
    for (Path f : files) {
      Path other = dir.resolve("b").resolve(dir.resolve("a").relativize(f));
      assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(other), f.toString());
    }
    var different =
        SyntheticCtGenerator.clsSlice(new SyntheticCtGenerator.Options(3, 3, 64, 43), 0);
    assertTrue(
        !java.util.Arrays.equals(different.image(), SyntheticCtGenerator.clsSlice(o, 0).image()));
  }

  @Test
  void lesionsDependOnTheClass() {
    // at 512: Normal none; CP 1-2 large blobs in one lung; COVID-19 several patches
    var o = new SyntheticCtGenerator.Options(30, 0, 512, 1);
    int covidSlices = 0;
    int covidInstances = 0;
    for (int i = 0; i < 30; i++) {
      SyntheticCtSlice.Rendered r = SyntheticCtGenerator.segSlice(o, i);
      LesionMask.Instances inst = instances(r);
      switch (r.label()) {
        case SyntheticCtSlice.NORMAL -> assertEquals(0, inst.count(), "slice " + i);
        case SyntheticCtSlice.CP -> {
          assertTrue(inst.count() >= 1 && inst.count() <= 2, "slice " + i + ": " + inst.count());
          assertTrue(max(inst.areas()) > 2000, "CP blob too small: " + max(inst.areas()));
        }
        default -> {
          covidSlices++;
          covidInstances += inst.count();
        }
      }
    }
    assertTrue(
        covidInstances >= 3 * covidSlices,
        covidInstances + " instances in " + covidSlices + " COVID-19 slices");
  }

  @Test
  void smallSlicesStillHaveInstancesAboveTheAreaRule() {
    var o = new SyntheticCtGenerator.Options(20, 0, 128, 1);
    int withInstances = 0;
    int covid = 0;
    for (int i = 0; i < 20; i++) {
      SyntheticCtSlice.Rendered r = SyntheticCtGenerator.segSlice(o, i);
      if (r.label() == SyntheticCtSlice.COVID) {
        covid++;
        withInstances += instances(r).count() > 0 ? 1 : 0;
      }
    }
    assertEquals(covid, withInstances);
  }

  private static LesionMask.Instances instances(SyntheticCtSlice.Rendered r) {
    int[] v = new int[r.mask().length];
    for (int i = 0; i < v.length; i++) {
      v[i] = r.mask()[i];
    }
    byte[] lesion =
        LesionMask.lesions("synthetic", new ImageDecoder.LabelImage(r.size(), r.size(), v));
    return LesionMask.instances(lesion, r.size(), r.size(), 100);
  }

  private static int max(int[] a) {
    int m = 0;
    for (int v : a) {
      m = Math.max(m, v);
    }
    return m;
  }
}
